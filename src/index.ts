/**
 * The Probot app: wires GitHub events to the jobs. Each job registers its own events.
 */
import type { Probot } from "probot";
import { registerClosing } from "./github/closing/register.js";

export default (app: Probot): void => {
  app.log.info("recrutement-bot loaded");
  registerClosing(app);
};
