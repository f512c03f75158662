/*
 * fuzz_code.c - libFuzzer target for the event coder: arbitrary bytes as a
 * document's text, in each language, checking that every event's offsets
 * lie inside the text and its fields are well formed.
 */
#include "rasad.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Only an incident may name no party: an attack or a protest placed or
 * told by its toll (docs/events.md, "An event needs a source or a target"). */
static int rs_may_lack_parties(const rs_event *e)
{
    return strcmp(e->plover, "ASSAULT") == 0 || strcmp(e->plover, "PROTEST") == 0;
}

static void rs_check(const rs_doc *doc, const rs_events *events)
{
    for (size_t i = 0; i < events->n; i++) {
        const rs_event *e = &events->items[i];
        if (e->span_start > e->span_end || e->span_end > doc->text_len || e->trigger_start < e->span_start ||
            e->trigger_end > e->span_end || e->trigger_start >= e->trigger_end || strlen(e->cameo) < 2 ||
            (!e->source.present && !e->target.present && !rs_may_lack_parties(e)))
            abort();
        if ((e->source.present && e->source.end > doc->text_len) ||
            (e->target.present && e->target.end > doc->text_len))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rs_coder *coder;
    static const rs_lang langs[] = {RS_LANG_UNKNOWN, RS_LANG_FA, RS_LANG_AR, RS_LANG_EN};
    static const char *const pubs[] = {"2024-11-26", "2021-08-14", NULL, "2023-03-21"};
    if (!coder)
        coder = rs_coder_new(NULL, NULL);
    rs_buf text;
    rs_buf_init(&text);
    rs_to_utf8((const char *)data, size, &text);
    size_t pick = size ? data[0] % 4 : 0;
    rs_doc doc = {.id = "fuzz", .date = (char *)pubs[pick], .text = text.data ? text.data : "",
                  .text_len = text.len};
    rs_events events;
    rs_events_init(&events);
    rs_code_document(coder, &doc, langs[pick], pick == 2, &events);
    rs_check(&doc, &events);
    rs_events_free(&events);
    rs_buf_free(&text);
    return 0;
}
