/*
 * fuzz_dict.c - libFuzzer target for the dictionary readers: the actor
 * entry format (with the linter's checks and a lookup over the same bytes
 * as text), the furniture and date word linters, and the PETRARCH importer.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return 0;
    rs_buf text;
    rs_buf_init(&text);
    rs_to_utf8((const char *)data, size, &text);

    rs_lexicon *lex = rs_lexicon_from_text(text.data, text.len, sink);
    rs_actors found;
    rs_actors_init(&found);
    rs_actors_find(lex, text.data, 0, text.len, RS_LANG_UNKNOWN, "2022-02-02", &found);
    for (size_t i = 0; i < found.n; i++)
        if (found.items[i].start > found.items[i].end || found.items[i].end > text.len)
            abort();
    rs_actors_free(&found);
    rs_lexicon_free(lex);

    rs_furniture_lint("<text>", text.data, text.len, sink);
    rs_dates_lint("<text>", text.data, text.len, sink);

    FILE *in = fmemopen((void *)data, size ? size : 1, "r");
    if (in) {
        rs_import_petrarch_stream(in, "<bytes>", sink, sink);
        fclose(in);
    }
    rs_buf_free(&text);
    fclose(sink);
    return 0;
}
