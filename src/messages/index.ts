/**
 * The one message catalogue. Each area keeps its entries in its own file of this folder
 * (so that entries sit next to their neighbours), and everything is looked up through `t`.
 */
import type { Entry, Lang, Params } from "./define.js";
import { diagnosticMessages } from "./diagnostics.js";
import { reviewMessages } from "./review.js";
import { closingMessages } from "./closing.js";
import { cliMessages } from "./cli.js";
import { actionMessages } from "./action.js";
import { configMessages } from "./config.js";

export type { Lang } from "./define.js";
export { LANGS } from "./define.js";

const catalogue = {
  ...diagnosticMessages,
  ...reviewMessages,
  ...closingMessages,
  ...cliMessages,
  ...actionMessages,
  ...configMessages,
};

export type MessageId = keyof typeof catalogue;
export type MessageParams<K extends MessageId> = Parameters<(typeof catalogue)[K]["fr"]>[0];

/** Renders message `id` in `lang`. Params are plain values; escaping is the caller's job. */
export function t<K extends MessageId>(lang: Lang, id: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]): string {
  const entry = catalogue[id] as unknown as Entry<Params>;
  return entry[lang](params[0] ?? {});
}

/** Untyped lookup, for ids carried as data (a diagnostic's `messageId`). */
export function tDynamic(lang: Lang, id: string, params: Params = {}): string {
  const entry = (catalogue as unknown as Record<string, Entry<Params> | undefined>)[id];
  if (!entry) throw new Error(`unknown message id ${id}`);
  return entry[lang](params);
}

export function hasMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogue, id);
}
