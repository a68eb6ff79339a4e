import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../../src/app/keyed-queue.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("keyed queue", () => {
  it("runs tasks of one key one after the other, other keys side by side, and survives failures", async () => {
    const queue = createKeyedQueue();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run("pr#1", task("a", true)),
      queue.run("pr#1", task("b")),
      queue.run("pr#2", task("c")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(events.indexOf("end a")).toBeLessThan(events.indexOf("start b"));
    expect(events.indexOf("start c")).toBeLessThan(events.indexOf("end a"));
    await tick();
    expect(queue.size()).toBe(0);
  });
});
