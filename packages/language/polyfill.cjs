// Node 20 has no Object.groupBy; Chevrotain 13 (inside Langium 4.4) calls it while
// building the lexer and parser. Load this before anything imports chevrotain.
'use strict';
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const result = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                (result[key] ??= []).push(item);
            }
            return result;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const result = new Map();
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                const list = result.get(key);
                if (list) list.push(item); else result.set(key, [item]);
            }
            return result;
        }
    });
}
