import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { ruleInfo } from '../prog-codes.js';

/** Reports a diagnostic with its code's default severity (RULES.md). */
export function diagnose<N extends AstNode>(accept: ValidationAcceptor, code: string, message: string, info: Omit<DiagnosticInfo<N>, 'code'>): void {
    const rule = ruleInfo(code);
    if (!rule) throw new Error(`Unknown diagnostic code ${code}`);
    accept(rule.severity, message, { ...info, code } as DiagnosticInfo<N>);
}
