/* test_coder.c - the event coder's mechanics through its C interface:
 * word lists in normalised form, the light verb with words between and
 * its negation, the Persian future, the Taliban's code on the event's
 * date, agentless passives, conjoined actors, output offsets and the
 * event list reused across documents. Example-driven coverage of the
 * languages is in tests/data/code_examples.txt (tests/cli/code.sh). */
#include "test_util.h"

#include "internal.h"

static rs_coder *coder;

static int setup(void **state)
{
    (void)state;
    coder = rs_coder_new(NULL, stderr);
    return coder ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    rs_coder_free(coder);
    return 0;
}

static size_t code(const char *text, const char *date, rs_events *out)
{
    rs_doc doc = {.id = "t", .date = (char *)date, .text = (char *)text, .text_len = strlen(text)};
    return rs_code_document(coder, &doc, RS_LANG_UNKNOWN, 0, out);
}

/* The first event with this CAMEO prefix, or NULL. */
static const rs_event *find(const rs_events *list, const char *cameo)
{
    for (size_t i = 0; i < list->n; i++)
        if (strncmp(list->items[i].cameo, cameo, strlen(cameo)) == 0)
            return &list->items[i];
    return NULL;
}

static void word_lists_are_normalised(void **state)
{
    (void)state;
    assert_int_equal(rs_coder_check_words(stderr), 0);
}

static void light_verb_with_words_between(void **state)
{
    (void)state;
    rs_events ev;
    rs_events_init(&ev);
    code("چین حمایت کامل خود را از دولت پاکستان اعلام کرد.", "2024-05-01", &ev);
    const rs_event *e = find(&ev, "05");
    assert_non_null(e);
    assert_string_equal(e->source.code, "CHN");
    assert_string_equal(e->target.code, "PAKGOV");
    assert_int_equal(e->modality, RS_MOD_ASSERTED);
    rs_events_free(&ev);
}

static void negated_and_future_light_verbs(void **state)
{
    (void)state;
    rs_events ev;
    rs_events_init(&ev);
    code("وزیر خارجه ایران با وزیر خارجه پاکستان دیدار نکرد.", "2024-05-01", &ev);
    assert_non_null(find(&ev, "04"));
    assert_int_equal(find(&ev, "04")->modality, RS_MOD_NEGATED);
    /* An announced meeting is CAMEO's intent to meet, 036. */
    code("وزیر خارجه ایران با وزیر خارجه پاکستان دیدار خواهد کرد.", "2024-05-01", &ev);
    assert_non_null(find(&ev, "036"));
    assert_int_equal(find(&ev, "036")->modality, RS_MOD_INTENDED);
    rs_events_free(&ev);
}

static void taliban_code_follows_the_event_date(void **state)
{
    (void)state;
    rs_events ev;
    rs_events_init(&ev);
    code("In 2019 the Taliban attacked a police post in Ghazni.", "2024-05-01", &ev);
    const rs_event *e = find(&ev, "1");
    assert_non_null(e);
    assert_string_equal(e->source.code, "AFGREB");
    code("The Taliban attacked a police post in Ghazni on Monday.", "2024-05-01", &ev);
    e = find(&ev, "1");
    assert_non_null(e);
    assert_string_equal(e->source.code, "AFGGOV");
    rs_events_free(&ev);
}

static void agentless_passive_has_no_source(void **state)
{
    (void)state;
    rs_events ev;
    rs_events_init(&ev);
    code("Two Iranian diplomats were expelled on Tuesday.", "2024-05-01", &ev);
    for (size_t i = 0; i < ev.n; i++)
        assert_false(ev.items[i].source.present);
    rs_events_free(&ev);
}

static void conjoined_sources_give_one_event_each(void **state)
{
    (void)state;
    rs_events ev;
    rs_events_init(&ev);
    code("ایران و پاکستان حمله به سفارت را محکوم کردند.", "2024-05-01", &ev);
    int irn = 0, pak = 0;
    for (size_t i = 0; i < ev.n; i++)
        if (strncmp(ev.items[i].cameo, "11", 2) == 0) {
            irn |= strcmp(ev.items[i].source.root, "IRN") == 0;
            pak |= strcmp(ev.items[i].source.root, "PAK") == 0;
        }
    assert_true(irn && pak);
    rs_events_free(&ev);
}

static void offsets_point_into_the_text(void **state)
{
    (void)state;
    const char *text = "Kabul (AFP) - Pakistan's foreign minister met Amir Khan Muttaqi in Islamabad on Monday.";
    rs_events ev;
    rs_events_init(&ev);
    assert_true(code(text, "2024-05-01", &ev) >= 1);
    const rs_event *e = find(&ev, "04");
    assert_non_null(e);
    assert_true(e->trigger_start >= e->span_start && e->trigger_end <= e->span_end);
    assert_memory_equal(text + e->trigger_start, "met", 3);
    assert_string_equal(e->date, "2024-04-29");
    assert_true(e->has_location);
    assert_string_equal(e->place_country, "PAK");
    rs_events_free(&ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(word_lists_are_normalised),
        cmocka_unit_test(light_verb_with_words_between),
        cmocka_unit_test(negated_and_future_light_verbs),
        cmocka_unit_test(taliban_code_follows_the_event_date),
        cmocka_unit_test(agentless_passive_has_no_source),
        cmocka_unit_test(conjoined_sources_give_one_event_each),
        cmocka_unit_test(offsets_point_into_the_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
