export interface CliOptions {
  readonly quick: boolean;
  /** Case id substrings; a case runs when its id contains any of them. */
  readonly filters: readonly string[];
  /** Contender id substrings; empty means all. */
  readonly contenders: readonly string[];
  readonly list: boolean;
  /** Write a V8 CPU profile of every child process to results/profiles/. */
  readonly profile: boolean;
  /** Refresh docs/performance.md from results/latest.json without running anything. */
  readonly updateDocs: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: pnpm bench [--quick] [--filter <substring>]... [--contender <substring>]... [--list] [--profile]

  --quick               7 short batches per contender (under 2 minutes in all)
  --filter <s>          only cases whose id contains <s> (repeatable, or comma-separated)
  --contender <s>       only contenders whose id contains <s> (the floor always runs)
  --list                list case and contender ids and exit
  --profile             write a .cpuprofile per child process to results/profiles/
  --update-docs         refresh docs/performance.md from results/latest.json (no timing)
`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const filters: string[] = [];
  const contenders: string[] = [];
  let quick = false;
  let list = false;
  let profile = false;
  let help = false;
  let updateDocs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string[] => {
      const raw = inline ?? argv[++i];
      if (raw === undefined || raw === '') throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return raw.split(',').filter((part) => part !== '');
    };
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--filter':
        filters.push(...value());
        break;
      case '--contender':
        contenders.push(...value());
        break;
      case '--list':
        list = true;
        break;
      case '--profile':
        profile = true;
        break;
      case '--update-docs':
        updateDocs = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--':
        break;
      default:
        throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
    }
  }
  return { quick, filters, contenders, list, profile, updateDocs, help };
}
