import type { Chain, LogicNode } from '../generated/ast.js';

/** One `A -> B` written in a chain line. */
export interface EdgeSite {
    readonly chain: Chain;
    /** The edge runs from `chain.nodes[index]` to `chain.nodes[index + 1]`. */
    readonly index: number;
    readonly from: LogicNode;
    readonly to: LogicNode;
}

/** A strongly connected set of logic nodes, and every written edge inside it. */
export interface LogicCycle {
    readonly nodes: readonly LogicNode[];
    readonly edges: readonly EdgeSite[];
}

/**
 * The edges that lie on a cycle: an edge A -> B does when A and B are in the same strongly
 * connected component (Tarjan's algorithm, iterative, linear in nodes + edges), or A is B.
 */
export function findCycles(edges: ReadonlyMap<LogicNode, ReadonlySet<LogicNode>>, sites: readonly EdgeSite[]): Map<Chain, Map<number, LogicCycle>> {
    const indexOf = new Map<LogicNode, number>();
    const low = new Map<LogicNode, number>();
    const onStack = new Set<LogicNode>();
    const stack: LogicNode[] = [];
    const component = new Map<LogicNode, LogicNode[]>();
    let counter = 0;
    for (const start of edges.keys()) {
        if (indexOf.has(start)) continue;
        const work: Array<{ node: LogicNode; next: Iterator<LogicNode> }> = [];
        const open = (node: LogicNode) => {
            indexOf.set(node, counter); low.set(node, counter); counter++;
            stack.push(node); onStack.add(node);
            work.push({ node, next: (edges.get(node) ?? new Set<LogicNode>()).values() });
        };
        open(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const step = frame.next.next();
            if (!step.done) {
                const target = step.value;
                if (!indexOf.has(target)) open(target);
                else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(target)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === indexOf.get(frame.node)) {
                const members: LogicNode[] = [];
                let member: LogicNode;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.node);
                for (const m of members) component.set(m, members);
            }
        }
    }
    const cycles = new Map<LogicNode[], { nodes: LogicNode[]; edges: EdgeSite[] }>();
    const result = new Map<Chain, Map<number, LogicCycle>>();
    for (const site of sites) {
        const members = component.get(site.from);
        if (!members || component.get(site.to) !== members || (members.length === 1 && site.from !== site.to)) continue;
        let cycle = cycles.get(members);
        if (!cycle) cycles.set(members, cycle = { nodes: members.slice().reverse(), edges: [] });
        cycle.edges.push(site);
        let byIndex = result.get(site.chain);
        if (!byIndex) result.set(site.chain, byIndex = new Map());
        byIndex.set(site.index, cycle);
    }
    return result;
}
