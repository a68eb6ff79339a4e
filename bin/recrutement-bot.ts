#!/usr/bin/env node
/** recrutement-bot: checks job postings from the command line (see `recrutement-bot --help`). */
import { main } from "../src/cli/main.js";
import { processIo } from "../src/cli/io.js";

process.exitCode = await main(process.argv.slice(2), processIo());
