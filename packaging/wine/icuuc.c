/* Only for checking the Windows program under Wine: Wine 8 has no icuuc.dll, which Windows 10 and 11 carry in
 * system32 and Qt6Core.dll links against for its text codecs. These are the 20 functions Qt6Core imports (read off
 * its import table); no converter ever opens, so Qt uses its own codecs, as it does for UTF-8 and UTF-16. Never
 * shipped: the check copies it into the Wine prefix's system32. Build: x86_64-w64-mingw32-gcc -shared -o icuuc.dll */

#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4 /* ICU's code for "no data for this converter" */

typedef int32_t UErrorCode;
typedef uint16_t UChar;

static void refuse(UErrorCode *status) {
    if (status != NULL && *status <= 0) *status = U_FILE_ACCESS_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *status) { (void)name; refuse(status); return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *status) { (void)converter; refuse(status); return ""; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t index) { (void)index; return NULL; }

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status) {
    (void)name; (void)standard; refuse(status); return NULL;
}

EXPORT void ucnv_getToUCallBack(const void *converter, void **action, const void **context) {
    (void)converter; if (action) *action = NULL; if (context) *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const void *converter, void **action, const void **context) {
    (void)converter; if (action) *action = NULL; if (context) *context = NULL;
}

EXPORT void ucnv_setToUCallBack(void *converter, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *status) {
    (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; refuse(status);
}

EXPORT void ucnv_setFromUCallBack(void *converter, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *status) {
    (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; refuse(status);
}

EXPORT void ucnv_toUnicode(void *converter, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status) {
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; refuse(status);
}

EXPORT void ucnv_fromUnicode(void *converter, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status) {
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; refuse(status);
}

EXPORT int32_t ucnv_toUCountPending(const void *converter, UErrorCode *status) { (void)converter; refuse(status); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *status) { (void)converter; refuse(status); return 0; }

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset_index,
                                  UErrorCode *status) {
    (void)args; (void)source; (void)length; (void)offset_index; refuse(status);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *status) {
    (void)args; (void)source; (void)source_limit; (void)offset_index; refuse(status);
}

EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units, int32_t length,
                                          int reason, UErrorCode *status) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; refuse(status);
}

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units, int32_t length,
                                            int32_t code_point, int reason, UErrorCode *status) {
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; refuse(status);
}
