import type { SafeMarkdown, SafePlainText } from "../../../src/render/index.ts";

/** Text as the render layer hands it to the port: these tests check what the adapter does with it, not the neutraliser. */
export const md = (text: string): SafeMarkdown => text as SafeMarkdown;

/** A commit message or title as the render layer hands it to the port. */
export const plain = (text: string): SafePlainText => text as SafePlainText;
