// jobq's Node client: the Client and the errors it throws (see README.md and index.d.ts).
'use strict';

const { Client } = require('./client');
const errors = require('./errors');

module.exports = {
  Client,
  JobqError: errors.JobqError,
  InvalidArgument: errors.InvalidArgument,
  JobNotFound: errors.JobNotFound,
  JobFailed: errors.JobFailed,
  JobCancelled: errors.JobCancelled,
  WaitTimeout: errors.WaitTimeout,
};
