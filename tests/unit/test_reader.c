/* test_reader.c - documents in: JSON Lines records, bad lines reported and
 * skipped, plain files, directories, long lines and binary data. */
#include "test_util.h"

#include <sys/stat.h>

typedef struct collected {
    int docs;
    char ids[16][64];
    char errors[4096];
} collected;

/* Reads every document from paths; error messages land in c->errors. */
static size_t read_all(const rs_reader_options *base, const char **paths, int n, collected *c)
{
    memset(c, 0, sizeof *c);
    rs_reader_options opt = *base;
    FILE *err = fmemopen(c->errors, sizeof c->errors - 1, "w");
    opt.errors = err;
    rs_reader *r = rs_reader_new(&opt);
    for (int i = 0; i < n; i++)
        rs_reader_add(r, paths[i]);
    rs_doc doc;
    while (rs_reader_next(r, &doc)) {
        if (c->docs < 16)
            snprintf(c->ids[c->docs], 64, "%s", doc.id);
        c->docs++;
        rs_doc_free(&doc);
    }
    size_t skipped = rs_reader_skipped(r);
    rs_reader_free(r);
    fclose(err);
    return skipped;
}

static void parses_a_record_and_ignores_unknown_fields(void **state)
{
    (void)state;
    const char *line = "{\"id\":\"a1\",\"date\":\"2024-11-26\",\"text\":\"سلام\\nدنیا\",\"lang\":\"fa\","
                       "\"url\":\"https://x\",\"title\":\"t\",\"events\":[{\"x\":1}]}";
    rs_doc doc;
    char why[128];
    assert_int_equal(rs_doc_parse_json(line, strlen(line), &doc, why, sizeof why), 0);
    assert_string_equal(doc.id, "a1");
    assert_string_equal(doc.date, "2024-11-26");
    assert_string_equal(doc.text, "سلام\nدنیا");
    assert_int_equal(doc.text_len, strlen("سلام\nدنیا"));
    assert_string_equal(doc.lang, "fa");
    assert_string_equal(doc.url, "https://x");
    assert_null(doc.source);
    rs_doc_free(&doc);
}

static void reports_why_a_record_is_bad(void **state)
{
    (void)state;
    static const struct {
        const char *line, *reason;
    } cases[] = {
        {"{\"id\":\"a\",\"text\":", "malformed JSON"},
        {"[1,2]", "not a JSON object"},
        {"{\"text\":\"x\"}", "no \"id\""},
        {"{\"id\":\"x\"}", "no \"text\""},
        {"{\"id\":\"x\",\"text\":5}", "no \"text\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rs_doc doc;
        char why[256];
        assert_int_equal(rs_doc_parse_json(cases[i].line, strlen(cases[i].line), &doc, why, sizeof why), -1);
        assert_non_null(strstr(why, cases[i].reason));
        rs_doc_free(&doc);
    }
}

static void an_escaped_nul_becomes_replacement(void **state)
{
    (void)state;
    /* The second \u0000 is text: its backslash is escaped. */
    const char *line = "{\"id\":\"n\",\"text\":\"a\\u0000b \\\\u0000\"}";
    rs_doc doc;
    char why[128];
    assert_int_equal(rs_doc_parse_json(line, strlen(line), &doc, why, sizeof why), 0);
    assert_int_equal(doc.text_len, strlen("a\xEF\xBF\xBD" "b \\u0000"));
    assert_string_equal(doc.text, "a\xEF\xBF\xBD" "b \\u0000");
    rs_doc_free(&doc);
}

static void ids_are_strings_or_exact_whole_numbers(void **state)
{
    (void)state;
    rs_doc doc;
    char why[160];
    const char *line = "{\"id\":9007199254740992,\"text\":\"x\"}";
    assert_int_equal(rs_doc_parse_json(line, strlen(line), &doc, why, sizeof why), 0);
    assert_string_equal(doc.id, "9007199254740992");
    rs_doc_free(&doc);
    static const char *const bad[] = {"{\"id\":1.5,\"text\":\"x\"}", "{\"id\":1e300,\"text\":\"x\"}",
                                      "{\"id\":null,\"text\":\"x\"}", "{\"id\":[\"a\"],\"text\":\"x\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(rs_doc_parse_json(bad[i], strlen(bad[i]), &doc, why, sizeof why), -1);
        assert_non_null(strstr(why, "\"id\" is neither"));
        rs_doc_free(&doc);
    }
}

static void a_line_holds_exactly_one_record(void **state)
{
    (void)state;
    static const char *const bad[] = {"{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\",\"text\":\"y\"}",
                                      "{\"id\":\"a\",\"text\":\"x\"},", "{\"id\":\"a\",\"text\":\"x\"} junk"};
    rs_doc doc;
    char why[160];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(rs_doc_parse_json(bad[i], strlen(bad[i]), &doc, why, sizeof why), -1);
        assert_non_null(strstr(why, "text after the record"));
        rs_doc_free(&doc);
    }
    const char *spaced = " {\"id\":\"a\",\"text\":\"x\"} \t\r";
    assert_int_equal(rs_doc_parse_json(spaced, strlen(spaced), &doc, why, sizeof why), 0);
    assert_string_equal(doc.text, "x");
    rs_doc_free(&doc);
}

static void invalid_utf8_in_a_record_becomes_replacement(void **state)
{
    (void)state;
    const char line[] = "{\"id\":\"u\",\"text\":\"ok \xFF ok\"}";
    rs_doc doc;
    char why[128];
    assert_int_equal(rs_doc_parse_json(line, sizeof line - 1, &doc, why, sizeof why), 0);
    assert_string_equal(doc.text, "ok \xEF\xBF\xBD ok");
    rs_doc_free(&doc);
}

static void a_broken_line_costs_only_itself(void **state)
{
    (void)state;
    const char data[] = "{\"id\":\"1\",\"text\":\"one\"}\n"
                        "{\"id\":\"2\",\"text\":\"tw\n"
                        "\n"
                        "{\"id\":\"3\",\"text\":\"three\"}\r\n"
                        "\x00\x01\x02garbage\n"
                        "{\"id\":\"4\",\"text\":\"four\"}";
    const char *path = rs_test_file("broken.jsonl", data, sizeof data - 1);
    rs_reader_options opt = {0};
    collected c;
    size_t skipped = read_all(&opt, &path, 1, &c);
    assert_int_equal(c.docs, 3);
    assert_string_equal(c.ids[0], "1");
    assert_string_equal(c.ids[1], "3");
    assert_string_equal(c.ids[2], "4");
    assert_int_equal(skipped, 2);
    char where[600];
    snprintf(where, sizeof where, "%s:2: malformed JSON", path);
    assert_non_null(strstr(c.errors, where));
    snprintf(where, sizeof where, "%s:5: binary data", path);
    assert_non_null(strstr(c.errors, where));
    unlink(path);
}

static void an_overlong_line_is_drained_and_skipped(void **state)
{
    (void)state;
    rs_buf data;
    rs_buf_init(&data);
    rs_buf_puts(&data, "{\"id\":\"long\",\"text\":\"");
    for (int i = 0; i < 5000; i++)
        rs_buf_puts(&data, "abcdefghij");
    rs_buf_puts(&data, "\"}\n{\"id\":\"after\",\"text\":\"x\"}\n");
    const char *path = rs_test_file("long.jsonl", data.data, data.len);
    rs_reader_options opt = {0};
    opt.max_line = 1000;
    collected c;
    assert_int_equal(read_all(&opt, &path, 1, &c), 1);
    assert_int_equal(c.docs, 1);
    assert_string_equal(c.ids[0], "after");
    assert_non_null(strstr(c.errors, ":1: line longer than the limit"));
    rs_buf_free(&data);
    unlink(path);
}

static void an_empty_file_gives_nothing_and_no_error(void **state)
{
    (void)state;
    const char *path = rs_test_file("empty.jsonl", "", 0);
    rs_reader_options opt = {0};
    collected c;
    assert_int_equal(read_all(&opt, &path, 1, &c), 0);
    assert_int_equal(c.docs, 0);
    assert_string_equal(c.errors, "");
    unlink(path);
}

static void a_missing_file_is_reported(void **state)
{
    (void)state;
    const char *path = "/nonexistent/rasad/none.jsonl";
    rs_reader_options opt = {0};
    collected c;
    assert_int_equal(read_all(&opt, &path, 1, &c), 1);
    assert_non_null(strstr(c.errors, "/nonexistent/rasad/none.jsonl: No such file"));
}

static void directories_are_read_recursively_in_order(void **state)
{
    (void)state;
    char dir[256], sub[300], path[400];
    snprintf(dir, sizeof dir, "/tmp/rasad-test-dir-%d", (int)getpid());
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    static const struct {
        const char *name, *body;
    } files[] = {
        {"b.jsonl", "{\"id\":\"b\",\"text\":\"x\"}\n"},
        {"a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n"},
        {"sub/c.jsonl", "{\"id\":\"c\",\"text\":\"x\"}\n"},
        {"notes.txt", "not json, and not read in JSON mode"},
    };
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "w");
        fputs(files[i].body, f);
        fclose(f);
    }
    const char *p = dir;
    rs_reader_options opt = {0};
    collected c;
    assert_int_equal(read_all(&opt, &p, 1, &c), 0);
    assert_int_equal(c.docs, 3);
    assert_string_equal(c.ids[0], "a");
    assert_string_equal(c.ids[1], "b");
    assert_string_equal(c.ids[2], "c");

    opt.plain = 1;
    opt.date = "2024-01-01";
    assert_int_equal(read_all(&opt, &p, 1, &c), 0);
    assert_int_equal(c.docs, 4);
    assert_string_equal(c.ids[2], "notes.txt");
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    rmdir(sub);
    rmdir(dir);
}

static void plain_files_take_name_and_date(void **state)
{
    (void)state;
    const char *path = rs_test_file("article.txt", "کابل - متن خبر.\n", strlen("کابل - متن خبر.\n"));
    rs_reader_options opt = {0};
    opt.plain = 1;
    opt.date = "2023-05-06";
    rs_reader *r = rs_reader_new(&opt);
    rs_reader_add(r, path);
    rs_doc doc;
    assert_int_equal(rs_reader_next(r, &doc), 1);
    assert_non_null(strstr(doc.id, "article.txt"));
    assert_string_equal(doc.date, "2023-05-06");
    assert_string_equal(doc.text, "کابل - متن خبر.\n");
    rs_doc_free(&doc);
    assert_int_equal(rs_reader_next(r, &doc), 0);
    rs_reader_free(r);
    unlink(path);
}

static void a_bad_date_is_reported_but_the_document_kept(void **state)
{
    (void)state;
    const char *line = "{\"id\":\"d\",\"date\":\"26/11/2024\",\"text\":\"x\"}";
    rs_doc doc;
    char why[128];
    assert_int_equal(rs_doc_parse_json(line, strlen(line), &doc, why, sizeof why), 1);
    assert_null(doc.date);
    assert_non_null(strstr(why, "not YYYY-MM-DD"));
    rs_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_a_record_and_ignores_unknown_fields),
        cmocka_unit_test(reports_why_a_record_is_bad),
        cmocka_unit_test(an_escaped_nul_becomes_replacement),
        cmocka_unit_test(ids_are_strings_or_exact_whole_numbers),
        cmocka_unit_test(a_line_holds_exactly_one_record),
        cmocka_unit_test(invalid_utf8_in_a_record_becomes_replacement),
        cmocka_unit_test(a_broken_line_costs_only_itself),
        cmocka_unit_test(an_overlong_line_is_drained_and_skipped),
        cmocka_unit_test(an_empty_file_gives_nothing_and_no_error),
        cmocka_unit_test(a_missing_file_is_reported),
        cmocka_unit_test(directories_are_read_recursively_in_order),
        cmocka_unit_test(plain_files_take_name_and_date),
        cmocka_unit_test(a_bad_date_is_reported_but_the_document_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
