/*
 * fuzz_dates.c - libFuzzer target for the date finder: arbitrary bytes as
 * text, under every language, with and without a publication date, and
 * over a sub-range, checking that every mention lies inside it.
 */
#include "rasad.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void rs_check(const rs_dates *found, size_t start, size_t end)
{
    for (size_t i = 0; i < found->n; i++) {
        const rs_date_mention *m = &found->items[i];
        if (m->start < start || m->end > end || m->start >= m->end || m->first > m->last ||
            !m->value[0] || strlen(m->value) >= sizeof m->value)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const rs_lang langs[] = {RS_LANG_UNKNOWN, RS_LANG_FA, RS_LANG_AR, RS_LANG_EN};
    static const char *const pubs[] = {"2024-11-26", "1403-01-01", NULL, "2023-03-21"};
    const char *text = (const char *)data;
    rs_dates found;
    rs_dates_init(&found);
    size_t pick = size ? data[0] % 4 : 0;
    rs_dates_find(text, 0, size, pubs[pick], langs[pick], &found);
    rs_check(&found, 0, size);
    size_t start = size / 3, end = size - size / 4;
    rs_dates_find(text, start, end, "2024-02-29", langs[(pick + 1) % 4], &found);
    rs_check(&found, start, end);
    rs_dates_free(&found);
    return 0;
}
