/** Background jobs: the registry of recurring jobs and the pg-boss runner that works them. */
export { JOBS, type JobDefinition } from "./registry";
export { JOBS_SCHEMA, JOBS_TIME_ZONE, startJobs, stopJobs, type StartJobsOptions } from "./runner";
