import { AuditTargetError, auditReport, parseAuditTarget } from "./audit.ts";
import { UsageError, type CliCommand } from "./command.ts";

export const auditCommand: CliCommand = {
  name: "audit",
  synopsis: "<owner/repo#N> | <owner/repo>",
  summary: "a workflow's audit trail (or a repository's writes about no workflow), and whether replaying it gives the stored state",
  run({ store, args, stdout }) {
    let key: string;
    try {
      key = parseAuditTarget(args[0] ?? "");
    } catch (error) {
      if (error instanceof AuditTargetError) throw new UsageError(error.message);
      throw error;
    }
    stdout.write(`${auditReport(store, key)}\n`);
  },
};
