import type { AstNode } from 'langium';
import { reflection, Element } from '../generated/ast.js';
import type * as ast from '../generated/ast.js';

/** Any element that has an ID. */
export type NamedElement = ast.Element;

const NAMED_TYPES = new Set(reflection.getAllSubTypes(Element.$type));

export function isNamedElement(node: AstNode): node is NamedElement {
    return NAMED_TYPES.has(node.$type);
}

/** The kind word a user reads in messages: `finding`, `question`, `outcome`, … */
export function kindWord(node: AstNode): string {
    if (node.$type === 'LogicNode') return (node as ast.LogicNode).level ?? 'logic node';
    return KIND_WORDS[node.$type] ?? node.$type.toLowerCase();
}

const KIND_WORDS: Record<string, string> = {
    Programme: 'programme', Actor: 'actor', Need: 'need', Question: 'question', Logic: 'logic',
    Assumption: 'assumption', Indicator: 'indicator', Portfolio: 'portfolio', Project: 'project',
    Source: 'source', Finding: 'finding', Criterion: 'criterion', Assessment: 'assessment',
    Recommendation: 'recommendation', Lesson: 'lesson', Initiative: 'initiative', Report: 'report',
    Table: 'table', Chart: 'chart'
};

/** What a reference type accepts, in words: `question`, `logic node or assumption`, … */
export function expectedKindWords(referenceType: string): string {
    switch (referenceType) {
        case 'SupportTarget': return 'logic node, assumption or indicator';
        case 'EvidenceTarget': return 'source, table or chart';
        case 'AboutTarget': return 'project, portfolio, actor or initiative';
        case 'LogicNode': return 'logic node';
        case 'Element': return 'element';
        default: return KIND_WORDS[referenceType] ?? referenceType.toLowerCase();
    }
}
