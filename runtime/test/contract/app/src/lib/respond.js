// Small helpers shared by the app's handlers (a relative import, as user code has).
export const json = (value, status = 200) => Response.json(value, { status });

/** What a caught error looks like, for the tests to compare across platforms. */
export function errorReport(error) {
  return { name: error.name, isTypeError: error instanceof TypeError, isRangeError: error instanceof RangeError, message: error.message };
}
