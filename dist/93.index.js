export const id = 93;
export const ids = [93];
export const modules = {

/***/ 9093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishVersion: () => (/* binding */ publishVersion)
/* harmony export */ });
/* harmony import */ var _drain_guard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(371);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7489);
/* harmony import */ var _transaction_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(560);



/**
 * Promotes one version as a transaction: read what is live, upload, publish, verify. Any
 * failure from the publish on (cancellation included) restores the version that was live
 * before, or takes the new one down when none was, and verifies that too.
 */
async function publishVersion(client, promotion, settings) {
    const transaction = new _transaction_js__WEBPACK_IMPORTED_MODULE_1__/* .VersionTransaction */ .J(client, promotion, settings);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const signal = settings.cancel;
    const outcome = () => ({
        ...(transaction.previous ? { previous: transaction.previous } : {}),
        ...(transaction.movedFrom ? { movedFrom: transaction.movedFrom } : {}),
        phases: transaction.phases.list
    });
    const live = (result) => ({
        ...outcome(),
        result,
        latencyMs: elapsed(),
        finalLive: promotion.payload.versionId
    });
    // Nothing live has changed yet: a failure or cancellation just stops.
    const stopped = (cause) => ({
        ...outcome(),
        result: 'failed',
        cause: `${cause} (nothing live was changed)`,
        latencyMs: elapsed()
    });
    const undo = async (cause) => {
        const restored = await transaction.restore();
        return {
            ...outcome(),
            ...restored,
            result: restored.rollback.verified ? 'rolled-back' : 'failed',
            cause,
            latencyMs: elapsed()
        };
    };
    const failure = (error) => signal?.aborted ? 'the job was cancelled' : (0,_phases_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .I)(error);
    const promote = async () => {
        let prepared;
        try {
            prepared = await transaction.prepare(signal);
        }
        catch (error) {
            return stopped(failure(error));
        }
        if (prepared === 'unchanged')
            return live('unchanged');
        try {
            await transaction.publish(signal);
            return live('published');
        }
        catch (error) {
            // Stopped before the publish PATCH went out (a cancellation): nothing to undo.
            return transaction.touched ? undo(failure(error)) : stopped(failure(error));
        }
    };
    return (0,_drain_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .settleOnDrain */ .n)(promote(), async () => transaction.touched ? undo(_drain_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .STALLED */ .i) : stopped(_drain_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .STALLED */ .i));
}


/***/ })

};

//# sourceMappingURL=93.index.js.map