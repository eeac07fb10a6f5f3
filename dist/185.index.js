export const id = 185;
export const ids = [185];
export const modules = {

/***/ 3185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ChildReportSchema: () => (/* binding */ ChildReportSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5586);

/*
 * The shape of a sandbox child's answer, apart from sandbox.ts so that starting a child loads
 * no schema library: the entry point starts one before anything else of the action loads.
 */
const Position = {
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional()
};
/** The child is untrusted once code has run in it: its answer is parsed strictly. */
const ChildReportSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    nonce: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    format: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['commonjs', 'module']).optional(),
    handler: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(100).nullable().optional(),
    requires: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ specifier: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(214), ...Position }))
        .max(256)
        .default([]),
    problems: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(500), ...Position }))
        .max(21)
        .default([]),
    peakRssKb: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
    failure: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['syntax', 'threw', 'timeout', 'crashed']),
        message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2000),
        ...Position
    })
        .optional()
});


/***/ })

};

//# sourceMappingURL=185.index.js.map