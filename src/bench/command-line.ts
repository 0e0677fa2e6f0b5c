/**
 * Runs a command's option parser and handles what every bench command does
 * alike: an invalid option prints the message and the usage and gives exit
 * code 2, and `--help` prints the usage and gives exit code 0. Otherwise it
 * returns the parsed options.
 */
export function parseCommandLine<Values extends { help?: boolean }>(parse: () => { values: Values }, usage: string): Values | number {
  let values: Values;
  try {
    ({ values } = parse());
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }

  if (values.help) {
    console.log(usage);
    return 0;
  }
  return values;
}
