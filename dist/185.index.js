export const id = 185;
export const ids = [185];
export const modules = {

/***/ 3185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ChildReportSchema: () => (/* binding */ ChildReportSchema)
/* harmony export */ });
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6778);

/*
 * The shape of a sandbox child's answer, apart from sandbox.ts so that starting a child loads
 * no schema library: the entry point starts one before anything else of the action loads.
 */
const Position = {
    line: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .positive */ .yjt())),
    column: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .positive */ .yjt()))
};
/** The child is untrusted once code has run in it: its answer is parsed strictly. */
const ChildReportSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    nonce: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    format: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['commonjs', 'module'])),
    handler: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(100)))),
    requires: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* ._default */ .Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ specifier: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(214)), ...Position }))
        .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(256)), []),
    problems: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* ._default */ .Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ message: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(500)), ...Position }))
        .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(21)), []),
    peakRssKb: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .nonnegative */ .ZnW())),
    failure: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['syntax', 'threw', 'timeout', 'crashed']),
        message: _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(2000)),
        ...Position
    }))
});


/***/ }),

/***/ 6778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BpQ: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpQ),
/* harmony export */   Bqr: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Bqr),
/* harmony export */   FsL: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
/* harmony export */   Ikc: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
/* harmony export */   L5J: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.L5J),
/* harmony export */   OsD: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.OsD),
/* harmony export */   ROM: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.ROM),
/* harmony export */   Ru6: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ru6),
/* harmony export */   Rvf: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
/* harmony export */   S1_: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.S1_),
/* harmony export */   Whr: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Whr),
/* harmony export */   X$i: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.X$i),
/* harmony export */   YOg: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
/* harmony export */   YPB: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YPB),
/* harmony export */   YjP: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
/* harmony export */   ZnW: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.ZnW),
/* harmony export */   _H3: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__._H3),
/* harmony export */   aig: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
/* harmony export */   g1P: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
/* harmony export */   k5n: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
/* harmony export */   lqM: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
/* harmony export */   mee: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.mee),
/* harmony export */   pdi: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
/* harmony export */   rej: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
/* harmony export */   tmp: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.tmp),
/* harmony export */   wJL: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.wJL),
/* harmony export */   yGV: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.yGV),
/* harmony export */   yjt: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.yjt),
/* harmony export */   zMY: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.zMY)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9286);
/*
 * zod, as the action uses it: every schema is built from this module (eslint refuses `zod`
 * elsewhere). zod/mini, not the classic API: the same parser without a method table on every
 * schema; a validate run starts ~7 ms sooner (docs/benchmarks.md).
 */

// Set before any schema is built (an importer's body runs after this one). Each schema is
// used a few times per run, and zod's compiled fast path (code generated on the first parse)
// costs more than it saves; nor does the action then generate code at all. zod/mini carries
// no messages of its own: the English ones name what a schema expected.
(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)({ jitless: true, ...zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A() });



/***/ })

};

//# sourceMappingURL=185.index.js.map