// setupFiles for data tests: each test file gets its own table name before any module reads config.
import { testEnvironment, uniqueTableName } from './testConfig';

Object.assign(process.env, testEnvironment(uniqueTableName()));
