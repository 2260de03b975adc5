#!/usr/bin/env node
// The `skills-passport` binary: the real process I/O around `run`.
import { processIo } from './io.js';
import { run } from './program.js';

process.exitCode = await run(process.argv.slice(2), processIo());
