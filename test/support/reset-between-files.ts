/**
 * Set up before each test file of the `shared` project (vitest.config.ts), whose files share
 * worker processes: what a previous file left in nock (interceptors, `disableNetConnect`) would
 * otherwise reach this one (a loopback request refused by a rule set two files earlier).
 */
import nock from "nock";

nock.cleanAll();
nock.enableNetConnect();
