import { isOperationCancelled, ValidationRegistry, type AstNode, type ValidationAcceptor, type ValidationCheck } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Checks that are synchronous run synchronously: Langium wraps every check in an async
 * function, which costs a promise per node and check on every build. A check that throws
 * is still reported on its node instead of stopping validation.
 */
export class ProgValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken: CancellationToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                if (result && typeof (result as Promise<void>).then === 'function') {
                    return (result as Promise<void>).catch(err => reportFailure(err, accept, node));
                }
                return undefined;
            } catch (err) {
                reportFailure(err, accept, node);
                return undefined;
            }
        };
    }
}

function reportFailure(err: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(err)) throw err;
    console.error('An error occurred during validation:', err);
    accept('error', `An error occurred during validation: ${err instanceof Error ? err.message : String(err)}`, { node, code: 'internal/check-failed' });
}
