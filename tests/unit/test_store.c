/* test_store.c - the event store and every query on a small corpus built
 * here in C (three documents, ten coded events), so the expected answers,
 * checked by hand, do not move when the coder's dictionaries change. Run
 * on a SQLite file, and on PostgreSQL when RASAD_PG_URL names a server
 * (tests/pg/with-pg.sh starts one; the pg_store test always does). The
 * corpus: d1 and d2 report one AFG-RUS meeting in Kabul a day apart (one
 * event, two mentions); d2 and d3 report one TJK attack (one event); a
 * meeting at the same date in Moscow and in Kabul stays two events; a
 * negated meeting is its own event and is not counted by the timelines. */
#include "test_util.h"

#include <libpq-fe.h>

static const char *target;

/* One document: sentences are its lines. */
typedef struct tdoc {
    rs_doc doc;
    rs_event ev[8];
    size_t n;
} tdoc;

static void span_of_line(const char *text, int line, size_t *start, size_t *end)
{
    const char *p = text;
    for (int i = 1; i < line; i++)
        p = strchr(p, '\n') + 1;
    *start = (size_t)(p - text);
    *end = (size_t)(strchr(p, '\n') - text);
}

static void actor(rs_event_actor *a, const char *text, const char *code, size_t from)
{
    if (!code)
        return;
    const char *at = strstr(text + from, code);
    a->present = 1;
    a->start = (size_t)(at - text);
    a->end = a->start + strlen(code);
    snprintf(a->code, sizeof a->code, "%s", code);
    snprintf(a->root, sizeof a->root, "%.3s", code);
    snprintf(a->role, sizeof a->role, "%s", strlen(code) > 3 ? code + 3 : "");
}

/* Adds an event on line sent: src and tgt are words of that line; place
 * is a word of it too, or NULL. */
static void ev(tdoc *d, int sent, const char *date, const char *src, const char *tgt, const char *cameo,
               const char *plover, float gold, int quad, rs_modality mod, const char *place)
{
    rs_event *e = &d->ev[d->n++];
    memset(e, 0, sizeof *e);
    const char *t = d->doc.text;
    e->sent = sent;
    span_of_line(t, sent, &e->span_start, &e->span_end);
    actor(&e->source, t, src, e->span_start);
    actor(&e->target, t, tgt, e->span_start + (src ? strlen(src) : 0));
    e->trigger_start = (size_t)(strstr(t + e->span_start, " ") - t) + 1;
    e->trigger_end = e->trigger_start + 3;
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    snprintf(e->plover, sizeof e->plover, "%s", plover);
    e->goldstein = gold;
    e->quad = quad;
    e->modality = mod;
    snprintf(e->date, sizeof e->date, "%s", date);
    e->date_precision = strlen(date) == 10 ? RS_DATE_DAY : RS_DATE_MONTH;
    if (place) {
        e->has_location = 1;
        e->place_start = (size_t)(strstr(t + e->span_start, place) - t);
        e->place_end = e->place_start + strlen(place);
        int kabul = strcmp(place, "Kabul") == 0;
        snprintf(e->place_country, sizeof e->place_country, "%s", kabul ? "AFG" : "RUS");
        e->lat = kabul ? 34.53f : 55.76f;
        e->lon = kabul ? 69.17f : 37.62f;
    }
}

static tdoc d1, d2, d3;

static void corpus(void)
{
    d1.doc = (rs_doc){.id = "d1", .date = "2023-01-10", .url = "https://example.org/1", .title = "One",
                      .text = "AFGGOV met RUSGOV in Kabul.\nRUSGOV hosted AFGGOV.\nRUS accused AFG, \"sharply\".\n"};
    d2.doc = (rs_doc){.id = "d2", .date = "2023-01-11", .url = "https://example.org/2",
                      .text = "AFGGOV met RUSGOV in Kabul.\nAFGGOV met RUSGOV in Moscow.\nTJKGOV shelled AFGGOV.\n"};
    d3.doc = (rs_doc){.id = "d3", .date = "2024-11-26", .url = "https://example.org/3",
                      .text = "AFGGOV met RUSGOV in Kabul.\nTJKGOV shelled AFGGOV.\nIRNGOV and PAKGOV agreed.\n"
                              "AFGGOV did not meet RUSGOV in Kabul.\n"};
    tdoc *all[3] = {&d1, &d2, &d3};
    for (int i = 0; i < 3; i++) {
        all[i]->n = 0;
        all[i]->doc.text_len = strlen(all[i]->doc.text);
    }
    ev(&d1, 1, "2023-01-10", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_ASSERTED, "Kabul");
    ev(&d1, 2, "2023-01-11", "RUSGOV", "AFGGOV", "042", "CONSULT", 1.9f, 1, RS_MOD_ASSERTED, NULL);
    ev(&d1, 3, "2023-01-20", "RUS", "AFG", "111", "ACCUSE", -2.0f, 3, RS_MOD_ASSERTED, NULL);
    ev(&d2, 1, "2023-01-11", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_ASSERTED, "Kabul");
    ev(&d2, 2, "2024-11-25", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_ASSERTED, "Moscow");
    ev(&d2, 3, "2024-11-25", "TJKGOV", "AFGGOV", "190", "ASSAULT", -10.0f, 4, RS_MOD_ASSERTED, NULL);
    ev(&d3, 1, "2024-11-26", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_ASSERTED, "Kabul");
    ev(&d3, 2, "2024-11-25", "TJKGOV", "AFGGOV", "190", "ASSAULT", -10.0f, 4, RS_MOD_ASSERTED, NULL);
    ev(&d3, 3, "2024-11", "IRNGOV", "PAKGOV", "036", "AGREE", 4.0f, 1, RS_MOD_ASSERTED, NULL);
    ev(&d3, 4, "2024-11-26", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_NEGATED, "Kabul");
}

/* A fresh store: a new SQLite file, or a new PostgreSQL database. */
static char *fresh_target(void)
{
    static int serial;
    char *t = malloc(1024);
    if (!strstr(target, "://")) {
        snprintf(t, 1024, "%s-%d.db", target, serial++);
        unlink(t);
        char side[1100];
        snprintf(side, sizeof side, "%s-wal", t), unlink(side);
        snprintf(side, sizeof side, "%s-shm", t), unlink(side);
        return t;
    }
    char name[64], sql[160];
    snprintf(name, sizeof name, "rasad_test_%d_%d", (int)getpid(), serial++);
    PGconn *c = PQconnectdb(target);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    PQclear(PQexec(c, sql));
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    PGresult *r = PQexec(c, sql);
    assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    PQfinish(c);
    /* The URL's path names the database: replace it. */
    const char *slash = strchr(strstr(target, "://") + 3, '/');
    const char *query = strchr(target, '?');
    snprintf(t, 1024, "%.*s/%s%s", (int)(slash - target), target, name, query ? query : "");
    return t;
}

static rs_store *filled(char **where)
{
    corpus();
    *where = fresh_target();
    char why[600];
    rs_store *s = rs_store_open(*where, why, sizeof why);
    if (!s)
        fail_msg("%s", why);
    rs_store_set_batch(s, 2);
    tdoc *all[3] = {&d1, &d2, &d3};
    for (int i = 0; i < 3; i++)
        assert_int_equal(rs_store_put(s, &all[i]->doc, "", RS_LANG_EN, all[i]->ev, all[i]->n), 0);
    assert_int_equal(rs_store_commit(s), 0);
    return s;
}

static rs_store *store;
static char *store_target;

static int setup(void **state)
{
    (void)state;
    store = filled(&store_target);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rs_store_close(store);
    free(store_target);
    return 0;
}

static void expect(const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        fail_msg("got:\n%s\nwant:\n%s", got, want);
}

typedef int (*query_fn)(rs_store *, const rs_query *, rs_buf *);

static void check_query(query_fn fn, const rs_query *q, const char *want)
{
    rs_buf out;
    rs_buf_init(&out);
    if (fn(store, q, &out))
        fail_msg("%s", rs_store_error(store));
    expect(out.data ? out.data : "", want);
    rs_buf_free(&out);
}

static void test_counts(void **state)
{
    (void)state;
    assert_int_equal(rs_store_count(store, "documents"), 3);
    assert_int_equal(rs_store_count(store, "events"), 8);
    assert_int_equal(rs_store_count(store, "mentions"), 10);
    assert_int_equal(rs_store_count(store, "actors"), 7);
    assert_int_equal(rs_store_count(store, "codes"), 5);
}

static void test_dyad(void **state)
{
    (void)state;
    rs_query q = {.a = "AFG", .b = "rus", .by = "month"};
    check_query(rs_query_dyad, &q,
                "period   events  CONSULT  ACCUSE  goldstein_sum  goldstein_mean  quad1  quad3\n"
                "2023-01       3        2       1            0.9            0.30      2      1\n"
                "2024-11       2        2       0            2.0            1.00      2      0\n");
    q.by = "week";
    q.format = RS_OUT_CSV;
    check_query(rs_query_dyad, &q,
                "period,events,AGREE,CONSULT,SUPPORT,COOPERATE,AID,CONCEDE,RETREAT,ACCUSE,REQUEST,REJECT,"
                "THREATEN,PROTEST,MOBILIZE,SANCTION,COERCE,ASSAULT,goldstein_sum,goldstein_mean,"
                "quad1,quad2,quad3,quad4\n"
                "2023-W02,2,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2.9,1.45,2,0,0,0\n"
                "2023-W03,1,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,-2.0,-2.00,0,0,1,0\n"
                "2024-W48,2,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2.0,1.00,2,0,0,0\n");
    q = (rs_query){.a = "RUS", .b = "AFG", .directed = 1, .by = "year", .format = RS_OUT_JSON};
    check_query(rs_query_dyad, &q,
                "[{\"period\":\"2023\",\"events\":2,\"AGREE\":0,\"CONSULT\":1,\"SUPPORT\":0,\"COOPERATE\":0,"
                "\"AID\":0,\"CONCEDE\":0,\"RETREAT\":0,\"ACCUSE\":1,\"REQUEST\":0,\"REJECT\":0,\"THREATEN\":0,"
                "\"PROTEST\":0,\"MOBILIZE\":0,\"SANCTION\":0,\"COERCE\":0,\"ASSAULT\":0,\"goldstein_sum\":-0.1,"
                "\"goldstein_mean\":-0.05,\"quad1\":1,\"quad2\":0,\"quad3\":1,\"quad4\":0}]\n");
    q = (rs_query){.a = "AFG", .b = "RUS", .from = "2024", .to = "2024-11-25", .by = "day", .all_modalities = 1};
    check_query(rs_query_dyad, &q,
                "period      events  CONSULT  goldstein_sum  goldstein_mean  quad1\n"
                "2024-11-25       1        1            1.0            1.00      1\n");
}

static void test_events(void **state)
{
    (void)state;
    rs_query q = {.actor = "TJK"};
    check_query(rs_query_events, &q,
                "#5 2024-11-25 TJKGOV -> AFGGOV 190 ASSAULT -10.0 asserted\n"
                "    d2:3 https://example.org/2\n"
                "      TJKGOV shelled AFGGOV.\n"
                "    d3:2 https://example.org/3\n"
                "      TJKGOV shelled AFGGOV.\n");
    q = (rs_query){.place = "Kabul", .to = "2023", .format = RS_OUT_JSON};
    check_query(rs_query_events, &q,
                "[{\"id\":1,\"date\":\"2023-01-10\",\"source\":\"AFGGOV\",\"target\":\"RUSGOV\",\"cameo\":\"040\","
                "\"plover\":\"CONSULT\",\"goldstein\":1.0,\"modality\":\"asserted\",\"place\":\"Kabul\","
                "\"country\":\"AFG\",\"mentions\":[{\"doc\":\"d1\",\"sent\":1,\"url\":\"https://example.org/1\","
                "\"evidence\":\"AFGGOV met RUSGOV in Kabul.\"},{\"doc\":\"d2\",\"sent\":1,"
                "\"url\":\"https://example.org/2\",\"evidence\":\"AFGGOV met RUSGOV in Kabul.\"}]}]\n");
    q = (rs_query){.type = "accuse", .cameo = "11", .format = RS_OUT_CSV};
    check_query(rs_query_events, &q,
                "id,date,source,target,cameo,plover,goldstein,modality,place,country,doc,sent,url,evidence\n"
                "3,2023-01-20,RUS,AFG,111,ACCUSE,-2.0,asserted,,,d1,3,https://example.org/1,"
                "\"RUS accused AFG, \"\"sharply\"\".\"\n");
}


static void check_top(const char *what, const rs_query *q, const char *want)
{
    rs_buf out;
    rs_buf_init(&out);
    if (rs_query_top(store, what, q, &out))
        fail_msg("%s", rs_store_error(store));
    expect(out.data ? out.data : "", want);
    rs_buf_free(&out);
}

static void test_top(void **state)
{
    (void)state;
    rs_query q = {.limit = 3};
    check_top("actors", &q,
              "actor   events\n"
              "AFGGOV       5\n"
              "RUSGOV       4\n"
              "AFG          1\n");
    q = (rs_query){.format = RS_OUT_CSV};
    check_top("dyads", &q,
              "source,target,events,goldstein_sum\n"
              "AFGGOV,RUSGOV,3,3.0\n"
              "IRNGOV,PAKGOV,1,4.0\n"
              "RUS,AFG,1,-2.0\n"
              "RUSGOV,AFGGOV,1,1.9\n"
              "TJKGOV,AFGGOV,1,-10.0\n");
    q = (rs_query){.format = RS_OUT_JSON};
    check_top("places", &q,
              "[{\"place\":\"Kabul\",\"country\":\"AFG\",\"events\":2},\n"
              " {\"place\":\"Moscow\",\"country\":\"RUS\",\"events\":1}]\n");
    q = (rs_query){.from = "2024-11-26", .all_modalities = 1};
    check_top("places", &q,
              "place  country  events\n"
              "Kabul  AFG           2\n");
    rs_buf out;
    rs_buf_init(&out);
    assert_int_equal(rs_query_top(store, "sources", &q, &out), -1);
    rs_buf_free(&out);
}

static void check_network(const char *format, const rs_query *q, const char *want)
{
    rs_buf out;
    rs_buf_init(&out);
    if (rs_query_network(store, q, format, &out))
        fail_msg("%s", rs_store_error(store));
    expect(out.data ? out.data : "", want);
    rs_buf_free(&out);
}

static void test_network(void **state)
{
    (void)state;
    rs_query q = {.from = "2024"};
    check_network("dot", &q,
                  "digraph rasad {\n"
                  "  \"AFGGOV\" [root=\"AFG\"];\n"
                  "  \"IRNGOV\" [root=\"IRN\"];\n"
                  "  \"PAKGOV\" [root=\"PAK\"];\n"
                  "  \"RUSGOV\" [root=\"RUS\"];\n"
                  "  \"TJKGOV\" [root=\"TJK\"];\n"
                  "  \"AFGGOV\" -> \"RUSGOV\" [weight=2, goldstein=2.0, goldstein_mean=1.00, label=\"2\"];\n"
                  "  \"IRNGOV\" -> \"PAKGOV\" [weight=1, goldstein=4.0, goldstein_mean=4.00, label=\"1\"];\n"
                  "  \"TJKGOV\" -> \"AFGGOV\" [weight=1, goldstein=-10.0, goldstein_mean=-10.00, label=\"1\"];\n"
                  "}\n");
    q = (rs_query){.to = "2023-01"};
    check_network("json", &q,
                  "{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":[\n"
                  "  {\"id\":\"AFG\",\"root\":\"AFG\"},\n"
                  "  {\"id\":\"AFGGOV\",\"root\":\"AFG\"},\n"
                  "  {\"id\":\"RUS\",\"root\":\"RUS\"},\n"
                  "  {\"id\":\"RUSGOV\",\"root\":\"RUS\"}],\"links\":[\n"
                  "  {\"source\":\"AFGGOV\",\"target\":\"RUSGOV\",\"weight\":1,\"goldstein\":1.0,\"goldstein_mean\":1.00},\n"
                  "  {\"source\":\"RUS\",\"target\":\"AFG\",\"weight\":1,\"goldstein\":-2.0,\"goldstein_mean\":-2.00},\n"
                  "  {\"source\":\"RUSGOV\",\"target\":\"AFGGOV\",\"weight\":1,\"goldstein\":1.9,\"goldstein_mean\":1.90}]}\n");
    q = (rs_query){.from = "2024-11-25", .to = "2024-11-25"};
    check_network("graphml", &q,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                  "  <key id=\"root\" for=\"node\" attr.name=\"root\" attr.type=\"string\"/>\n"
                  "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
                  "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
                  "  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
                  "  <graph id=\"rasad\" edgedefault=\"directed\">\n"
                  "    <node id=\"AFGGOV\"><data key=\"root\">AFG</data></node>\n"
                  "    <node id=\"RUSGOV\"><data key=\"root\">RUS</data></node>\n"
                  "    <node id=\"TJKGOV\"><data key=\"root\">TJK</data></node>\n"
                  "    <edge source=\"AFGGOV\" target=\"RUSGOV\"><data key=\"weight\">1</data>"
                  "<data key=\"goldstein\">1.0</data><data key=\"goldstein_mean\">1.00</data></edge>\n"
                  "    <edge source=\"TJKGOV\" target=\"AFGGOV\"><data key=\"weight\">1</data>"
                  "<data key=\"goldstein\">-10.0</data><data key=\"goldstein_mean\">-10.00</data></edge>\n"
                  "  </graph>\n</graphml>\n");
}

/* An export, in memory. The caller frees it. The buffer comes back
 * through the heap-allocated holder so that no pointer into this frame
 * outlives it, which GCC's -Wdangling-pointer cannot otherwise tell. */
static char *export(rs_store *s, const char *format)
{
    char **buf = calloc(1, sizeof *buf);
    size_t len = 0;
    assert_non_null(buf);
    FILE *f = open_memstream(buf, &len);
    assert_int_equal(rs_store_export(s, format, f), 0);
    fclose(f);
    char *out = *buf;
    free(buf);
    return out;
}

static void test_export(void **state)
{
    (void)state;
    char *tsv = export(store, "tsv");
    const char *row = strstr(tsv, "d2\t3\t");
    assert_non_null(row);
    char *line = strndup(row, strcspn(row, "\n"));
    expect(line, "d2\t3\t2024-11-25\tday\tTJKGOV\tTJK\tGOV\tTJKGOV\tAFGGOV\tAFG\tGOV\tAFGGOV\t190\tASSAULT\t"
                 "-10.0\t4\tasserted\tshe\ten\t\t\t\t\tTJKGOV shelled AFGGOV.");
    free(line);
    assert_int_equal(strncmp(tsv, rs_event_tsv_header(), strlen(rs_event_tsv_header())), 0);
    size_t rows = 0;
    for (const char *p = tsv; *p; p++)
        rows += *p == '\n';
    assert_int_equal(rows, 9); /* the header and 8 events */
    free(tsv);
    char *csv = export(store, "csv");
    if (!strstr(csv, "d1,3,2023-01-20,day,RUS,RUS,,RUS,AFG,AFG,,AFG,111,ACCUSE,-2.0,3,asserted,"
                     "acc,en,,,,,\"RUS accused AFG, \"\"sharply\"\".\"\n"))
        fail_msg("csv:\n%s", csv);
    free(csv);
    char *jsonl = export(store, "jsonl");
    if (!strstr(jsonl, "{\"id\":1,\"doc\":\"d1\",\"sent\":1,\"date\":\"2023-01-10\",\"date_precision\":\"day\","
                       "\"source\":{\"code\":\"AFGGOV\",\"root\":\"AFG\",\"role\":\"GOV\",\"text\":\"AFGGOV\"},"
                       "\"target\":{\"code\":\"RUSGOV\",\"root\":\"RUS\",\"role\":\"GOV\",\"text\":\"RUSGOV\"},"
                       "\"cameo\":\"040\",\"plover\":\"CONSULT\",\"goldstein\":1.0,\"quad\":1,"
                       "\"modality\":\"asserted\",\"trigger\":\"met\",\"lang\":\"en\",\"location\":{\"name\":"
                       "\"Kabul\",\"country\":\"AFG\",\"lat\":34.53,\"lon\":69.17},\"span\":[0,27],"
                       "\"evidence\":\"AFGGOV met RUSGOV in Kabul.\",\"mentions\":2}\n"))
        fail_msg("jsonl:\n%s", jsonl);
    free(jsonl);
}

/* Re-ingest: the same documents change nothing; a changed document
 * replaces its mentions and the events only it reported. */
static void test_reingest(void **state)
{
    (void)state;
    char *where;
    rs_store *s = filled(&where);
    tdoc *all[3] = {&d1, &d2, &d3};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(rs_store_has(s, &all[i]->doc, ""), 1);
        assert_int_equal(rs_store_put(s, &all[i]->doc, "", RS_LANG_EN, all[i]->ev, all[i]->n), 0);
    }
    assert_int_equal(rs_store_commit(s), 0);
    assert_int_equal(rs_store_count(s, "events"), 8);
    assert_int_equal(rs_store_count(s, "mentions"), 10);
    assert_int_equal(rs_store_has(s, &d1.doc, "other options"), 0);
    /* d1 now reports only the Kabul meeting, which d2 reports too. */
    d1.doc.text = "AFGGOV met RUSGOV in Kabul.\nNothing else.\n";
    d1.doc.text_len = strlen(d1.doc.text);
    d1.n = 0;
    ev(&d1, 1, "2023-01-10", "AFGGOV", "RUSGOV", "040", "CONSULT", 1.0f, 1, RS_MOD_ASSERTED, "Kabul");
    assert_int_equal(rs_store_has(s, &d1.doc, ""), 0);
    assert_int_equal(rs_store_put(s, &d1.doc, "", RS_LANG_EN, d1.ev, d1.n), 0);
    assert_int_equal(rs_store_commit(s), 0);
    assert_int_equal(rs_store_count(s, "documents"), 3);
    assert_int_equal(rs_store_count(s, "events"), 6);
    assert_int_equal(rs_store_count(s, "mentions"), 8);
    rs_store_close(s);
    /* A new connection sees the same, and storing d1 again changes nothing. */
    char why[600];
    s = rs_store_open(where, why, sizeof why);
    assert_non_null(s);
    assert_int_equal(rs_store_put(s, &d1.doc, "", RS_LANG_EN, d1.ev, d1.n), 0);
    assert_int_equal(rs_store_close(s), 0);
    s = rs_store_open(where, why, sizeof why);
    assert_int_equal(rs_store_count(s, "events"), 6);
    assert_int_equal(rs_store_count(s, "mentions"), 8);
    rs_store_close(s);
    free(where);
}

/* Two connections writing in turn: each sees the other's events and
 * merges into them. */
static void test_two_writers(void **state)
{
    (void)state;
    char *where;
    rs_store *a = filled(&where);
    char why[600];
    rs_store *b = rs_store_open(where, why, sizeof why);
    assert_non_null(b);
    rs_doc d4 = d2.doc;
    d4.id = "d4";
    assert_int_equal(rs_store_put(b, &d4, "", RS_LANG_EN, d2.ev, d2.n), 0);
    assert_int_equal(rs_store_close(b), 0);
    rs_doc d5 = d3.doc;
    d5.id = "d5";
    assert_int_equal(rs_store_put(a, &d5, "", RS_LANG_EN, d3.ev, d3.n), 0);
    assert_int_equal(rs_store_commit(a), 0);
    assert_int_equal(rs_store_count(a, "events"), 8);
    assert_int_equal(rs_store_count(a, "mentions"), 17);
    rs_store_close(a);
    free(where);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    rs_buf out;
    rs_buf_init(&out);
    rs_query q = {.a = "AFG", .b = "RUS';--", .by = "month"};
    assert_int_equal(rs_query_dyad(store, &q, &out), -1);
    q = (rs_query){.a = "AFG", .b = "RUS", .by = "fortnight"};
    assert_int_equal(rs_query_dyad(store, &q, &out), -1);
    q = (rs_query){.from = "last week"};
    assert_int_equal(rs_query_events(store, &q, &out), -1);
    assert_non_null(strstr(rs_store_error(store), "--from wants"));
    assert_int_equal(rs_query_network(store, &q, "gexf", &out), -1);
    assert_int_equal(out.len, 0);
    rs_buf_free(&out);
    char why[600];
    assert_null(rs_store_open("/nonexistent-dir/x.db", why, sizeof why));
    assert_non_null(strstr(why, "/nonexistent-dir/x.db"));
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),   cmocka_unit_test(test_dyad),        cmocka_unit_test(test_events),
        cmocka_unit_test(test_top),      cmocka_unit_test(test_network),     cmocka_unit_test(test_export),
        cmocka_unit_test(test_reingest), cmocka_unit_test(test_two_writers), cmocka_unit_test(test_bad_arguments),
    };
    char path[256];
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(path, sizeof path, "%s/rasad-test-store-%d", tmp, (int)getpid());
    /* --pg: on PostgreSQL, which must be there (tests/pg/with-pg.sh). */
    int pg = argc > 1 && strcmp(argv[1], "--pg") == 0;
    const char *url = getenv("RASAD_PG_URL");
    if (pg && !url) {
        fprintf(stderr, "test_store --pg: RASAD_PG_URL is not set; run it under tests/pg/with-pg.sh\n");
        return 1;
    }
    target = pg ? url : path;
    int rc = cmocka_run_group_tests_name(pg ? "store on PostgreSQL" : "store on SQLite", tests, setup, teardown);
    for (int i = 0; !pg && i < 8; i++) {
        const char *ext[] = {"", "-wal", "-shm"};
        for (int k = 0; k < 3; k++) {
            char f[300];
            snprintf(f, sizeof f, "%s-%d.db%s", path, i, ext[k]);
            unlink(f);
        }
    }
    rs_cal_cleanup();
    return rc;
}
