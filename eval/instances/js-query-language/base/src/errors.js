export class QuerySyntaxError extends Error {
  constructor(message, column) {
    super(`${message} at column ${column}`);
    this.name = "QuerySyntaxError";
    this.column = column;
  }
}
