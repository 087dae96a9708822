import type { ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { isResultLevel, levelRank } from '../model/prog-model.js';
import type { EdgeSite, ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { listWords, MAX_RELATED, relatedAt } from './prog-locations.js';

/** The programme theory: a loop-free chain from inputs to impact, with indicators and tested links. */
export class LogicChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `logic/cycle`: every written edge that lies on a cycle, with the other edges of that cycle. */
    chainShouldNotCycle(chain: ast.Chain, accept: ValidationAcceptor): void {
        const cyclic = this.index.cyclesOf(chain);
        if (!cyclic) return;
        for (const [i, cycle] of cyclic) {
            const range = edgeRange(chain, i);
            if (!range) continue;
            const names = cycle.nodes.map(node => node.name);
            const others = cycle.edges.filter(site => site.chain !== chain || site.index !== i);
            const message = cycle.nodes.length === 1
                ? `${names[0]} -> ${names[0]} leads a node to itself; a programme theory runs from inputs towards impact without loops — remove this edge`
                : `${chain.nodes[i].$refText} -> ${chain.nodes[i + 1].$refText} is part of a cycle through ${listWords(names)}; a programme theory runs from inputs towards impact without loops — remove or reverse one of the edges of the cycle`;
            diagnose(accept, Codes.LogicCycle, message, {
                node: chain, range,
                relatedInformation: others.slice(0, MAX_RELATED).map(site =>
                    relatedAt(site.chain, edgeRange(site.chain, site.index)!, `${siteText(site)} is also part of the cycle`))
            });
        }
    }

    /** `logic/backward-edge`: edges go from a lower level to the same or a higher one. */
    edgesShouldRunUpward(chain: ast.Chain, accept: ValidationAcceptor): void {
        for (let i = 0; i + 1 < chain.nodes.length; i++) {
            const from = chain.nodes[i].ref, to = chain.nodes[i + 1].ref;
            if (!from?.level || !to?.level || levelRank(from.level) <= levelRank(to.level)) continue;
            diagnose(accept, Codes.LogicBackwardEdge,
                `${from.name} (${from.level}) -> ${to.name} (${to.level}) runs backwards: edges lead from input through activity, output and outcome to impact. Reverse the edge, or check the levels of the two nodes`,
                { node: chain, range: edgeRange(chain, i) });
        }
    }

    /** `logic/unconnected-node`: every node takes part in at least one chain line. */
    nodeShouldBeConnected(node: ast.LogicNode, accept: ValidationAcceptor): void {
        if (!node.name || this.index.isChained(node)) return;
        diagnose(accept, Codes.LogicUnconnectedNode,
            `The ${node.level ?? 'logic node'} ${node.name} is in no chain line; link it to the rest of the programme theory, e.g. \`${node.name} -> …\`, or remove it`,
            { node, property: 'name' });
    }

    /** `outcome/no-indicator`: an outcome or impact says how it will be observed. */
    resultShouldHaveIndicator(node: ast.LogicNode, accept: ValidationAcceptor): void {
        if (!node.name || !isResultLevel(node.level) || this.index.isIndicated(node)) return;
        diagnose(accept, Codes.OutcomeNoIndicator,
            `The ${node.level} ${node.name} has no indicator; add one inside it (\`indicator Id "…" { baseline … target … }\`) or at the top of the logic with \`for ${node.name}\``,
            { node, property: 'name' });
    }

    /**
     * `outcome/no-evidence`: some in-force finding supports or challenges each outcome and
     * impact, or one of its indicators (which counts as the node).
     */
    resultShouldHaveEvidence(node: ast.LogicNode, accept: ValidationAcceptor): void {
        if (!node.name || !isResultLevel(node.level)) return;
        if (this.index.isTested(node)) return;
        for (const indicator of this.index.indicatorsOf(node)) {
            // A finding that names the indicator references the indicator's ID.
            if (indicator.name && this.index.isTested(indicator)) return;
        }
        diagnose(accept, Codes.OutcomeNoEvidence,
            `No confirmed or revised finding supports or challenges the ${node.level} ${node.name}; add \`supports ${node.name}\` or \`challenges ${node.name}\` to the finding that speaks to it, or state that the evidence is still missing`,
            { node, property: 'name' });
    }

    /** `assumption/untested`: some in-force finding supports or challenges each assumption. */
    assumptionShouldBeTested(assumption: ast.Assumption, accept: ValidationAcceptor): void {
        if (!assumption.name || this.index.isTested(assumption)) return;
        diagnose(accept, Codes.AssumptionUntested,
            `No confirmed or revised finding supports or challenges the assumption ${assumption.name}; test it (\`supports ${assumption.name}\` or \`challenges ${assumption.name}\` on a finding) — untested assumptions are where a programme theory usually breaks`,
            { node: assumption, property: 'name' });
    }
}

/** From the first node of edge i to the second, as written: `A -> B`. */
export function edgeRange(chain: ast.Chain, i: number): Range | undefined {
    const from = chain.nodes[i]?.$refNode?.range, to = chain.nodes[i + 1]?.$refNode?.range;
    return from && to ? { start: from.start, end: to.end } : undefined;
}

function siteText(site: EdgeSite): string {
    return `${site.from.name} -> ${site.to.name}`;
}
