// Runs the built CLI's main in this process, then prints the process's peak resident set size (KiB) as the last
// stderr line: `max-rss-kib <n>`. Portable stand-in for `/usr/bin/time -f %M`.
import { main } from '../dist/cli/cli.js';

const code = await main(process.argv.slice(2));
process.stderr.write(`\nmax-rss-kib ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
