/** The committed extraction of GitHub's OpenAPI description, next to this module. */
export const OPERATIONS_FILE_URL = new URL("./openapi-operations.json", import.meta.url);
