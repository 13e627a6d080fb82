/**
 * Git reads whose answer depends only on objects named by their full ids: once answered, the
 * same question always has the same answer (objects never change), so the sandbox asks git once.
 * Refs (`for-each-ref`, branch names) move and are never remembered.
 */
const READ_COMMANDS = new Set(["rev-parse", "diff-tree", "rev-list", "merge-base", "merge-tree", "ls-tree"]);

const OBJECT_ID = "[0-9a-f]{40}";
const OBJECT_ARGUMENT = new RegExp(`^(${OBJECT_ID}(\\^\\{(commit|tree)\\})?|${OBJECT_ID}\\.{2,3}${OBJECT_ID})$`);

/** Whether `args` is a read of objects by full id alone (options aside). */
export function isImmutableRead(args: readonly string[]): boolean {
  const [command, ...rest] = args;
  if (command === undefined || !READ_COMMANDS.has(command)) return false;
  const operands = rest.filter((arg) => !arg.startsWith("-"));
  return operands.length > 0 && operands.every((arg) => OBJECT_ARGUMENT.test(arg));
}

/** A bounded memory of answers, oldest forgotten first. */
export class AnswerMemory<T> {
  private readonly answers = new Map<string, T>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get(key: string): T | undefined {
    return this.answers.get(key);
  }

  set(key: string, value: T): void {
    this.answers.set(key, value);
    if (this.answers.size > this.limit) {
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
  }
}
