export const id = 455;
export const ids = [455];
export const modules = {

/***/ 7455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYamlText: () => (/* binding */ parseYamlText)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/**
 * YAML 1.2 (JSON included), with line numbers. Alias expansion is bounded (no "billion
 * laughs"). The parser's own duplicate check compares every key with every other (7 s for a
 * 256 KB map): keys are checked here instead, in one pass.
 */
function parseYamlText(text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    return {
        errors: [
            ...doc.errors.map(error => ({ message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(error.message), pos: error.pos[0] })),
            ...duplicateKeys(doc.contents)
        ],
        data: () => doc.toJS({ maxAliasCount: 50 }),
        offsetOf: (path, key) => nodeAt(doc.contents, path, key)?.range?.[0],
        position: offset => {
            const { line, col } = lineCounter.linePos(offset);
            return { line, column: col };
        }
    };
}
/** Each key given twice in one map, at the second one. */
function duplicateKeys(root) {
    const found = [];
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const seen = new Set();
            for (const item of node.items) {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key)) {
                    if (seen.has(item.key.value)) {
                        found.push({
                            message: `the key '${String(item.key.value)}' is given twice`,
                            pos: item.key.range?.[0] ?? 0
                        });
                    }
                    seen.add(item.key.value);
                }
                stack.push(item.value);
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            stack.push(...node.items);
        }
    }
    return found.sort((a, b) => a.pos - b.pos);
}
const PAIRS = new WeakMap();
/** A map's pairs by key, indexed once (a line is looked up for every entry of a manifest). */
function pairsOf(map) {
    let pairs = PAIRS.get(map);
    if (!pairs) {
        pairs = new Map();
        for (const item of map.items) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && !pairs.has(item.key.value)) {
                pairs.set(item.key.value, item);
            }
        }
        PAIRS.set(map, pairs);
    }
    return pairs;
}
/**
 * The deepest node on the path; a missing key points at its map, which is where it belongs.
 * With `key`, the last step stops at the key itself (a problem with a key, not its value).
 */
function nodeAt(root, path, key) {
    let node = root;
    for (const [index, step] of path.entries()) {
        let next;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = pairsOf(node).get(step);
            next = pair
                ? key && index === path.length - 1
                    ? pair.key
                    : (pair.value ?? pair.key)
                : undefined;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof step === 'number') {
            next = node.items[step];
        }
        if (next === undefined || next === null)
            return node;
        node = next;
    }
    return node;
}


/***/ })

};

//# sourceMappingURL=455.index.js.map