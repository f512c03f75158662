/* test_seeds.c - the text layer on the project's seed articles
 * (../shared/gold/seeds.jsonl): each one's language, and exactly which
 * sentences are page furniture. tests/cli/text.sh checks the kept
 * sentences' text against the gold files' own sentence splitter. */
#include "test_util.h"

typedef struct seed_expectation {
    const char *id_prefix;
    rs_lang lang;
    int sentences;
    int dropped[8]; /* sentence numbers, 0-terminated */
} seed_expectation;

static const seed_expectation seeds[] = {
    {"000", RS_LANG_FA, 25, {11, 12, 25}},
    {"001", RS_LANG_FA, 24, {20, 21, 22, 23, 24}},
    {"002", RS_LANG_FA, 18, {14, 15, 16, 17, 18}},
    {"003", RS_LANG_FA, 13, {6, 7}},
    {"004", RS_LANG_AR, 19, {18, 19}},
};

static int is_listed(const int *list, int n)
{
    for (; *list; list++)
        if (*list == n)
            return 1;
    return 0;
}

static void check_seed(const rs_doc *doc)
{
    const seed_expectation *e = NULL;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++)
        if (strncmp(doc->id, seeds[i].id_prefix, 3) == 0)
            e = &seeds[i];
    assert_non_null(e);
    rs_text *t = rs_text_analyze(doc->text, doc->text_len, RS_LANG_UNKNOWN);
    assert_int_equal(t->lang, e->lang);
    assert_int_equal(t->n_sentences, e->sentences);
    for (size_t i = 0; i < t->n_sentences; i++) {
        int dropped = t->sentences[i].dropped != RS_KEEP;
        if (dropped != is_listed(e->dropped, t->sentences[i].number))
            fail_msg("%s sentence %d: dropped=%d (%s): %.*s", e->id_prefix, t->sentences[i].number, dropped,
                     rs_drop_name(t->sentences[i].dropped),
                     (int)(t->sentences[i].end - t->sentences[i].start), doc->text + t->sentences[i].start);
    }
    rs_text_free(t);
}

static void seed_articles(void **state)
{
    (void)state;
    const char *path = RS_SHARED_DIR "/gold/seeds.jsonl";
    FILE *f = fopen(path, "r");
    if (!f)
        skip();
    fclose(f);
    rs_reader_options opt = {0};
    rs_reader *r = rs_reader_new(&opt);
    rs_reader_add(r, path);
    rs_doc doc;
    int n = 0;
    while (rs_reader_next(r, &doc)) {
        check_seed(&doc);
        rs_doc_free(&doc);
        n++;
    }
    assert_int_equal(n, 5);
    assert_int_equal(rs_reader_skipped(r), 0);
    rs_reader_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
