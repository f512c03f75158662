/*
 * query.c - the questions analysts ask of the event store: a dyad's
 * timeline, the events behind it, the top actors, dyads and places, the
 * actor network, and a full export. The SQL is the same for SQLite and
 * PostgreSQL; periods and means are computed here so both give the same
 * text. Output is a table for people, or JSON or CSV for programs.
 */
#include "store_internal.h"
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const rs_plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"};
#define RS_NPLOVER 16

/* ------------------------------------------------------------ filters */

/* A WHERE clause and its parameters, built from a query's options. */
typedef struct rs_where {
    rs_buf sql;
    const char *params[16];
    char own[16][64];
    int n;
} rs_where;

/* Appends clause (with up to two ? for a and b) to the WHERE clause. */
static void rs_where_raw(rs_where *w, const char *clause, const char *a, const char *b)
{
    rs_buf_puts(&w->sql, clause);
    const char *v[2] = {a, b};
    for (int i = 0; i < 2 && v[i] && w->n < 16; i++) {
        snprintf(w->own[w->n], sizeof w->own[w->n], "%s", v[i]);
        w->params[w->n] = w->own[w->n];
        w->n++;
    }
}

static void rs_where_add(rs_where *w, const char *clause, const char *a, const char *b)
{
    rs_buf_puts(&w->sql, " AND ");
    rs_where_raw(w, clause, a, b);
}

/* An actor code prefix for LIKE: letters and digits only, upper-cased, so
 * nothing in it is a LIKE pattern character. NULL when it is not a code. */
static const char *rs_code_like(const char *code, char out[32])
{
    size_t n = strlen(code);
    if (n == 0 || n > 24)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!isalnum((unsigned char)code[i]))
            return NULL;
        out[i] = (char)toupper((unsigned char)code[i]);
    }
    out[n] = '%';
    out[n + 1] = '\0';
    return out;
}

/* --from and --to as whole days: 2023 is 2023-01-01 as a start and
 * 2023-12-31 as an end. */
static int rs_query_dates(rs_store *s, const rs_query *q, rs_where *w)
{
    const char *v[2] = {q->from, q->to};
    for (int i = 0; i < 2; i++) {
        if (!v[i])
            continue;
        char first[11], last[11];
        if (rs_date_bounds(v[i], first, last) || strchr(v[i], '/'))
            return rs_store_fail(s, "%s wants YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", i ? "--to" : "--from", v[i]);
        rs_where_add(w, i ? "day_first <= ?" : "day_first >= ?", i ? last : first, NULL);
    }
    return 0;
}

/* Counts are of events that happened unless the query asks for all. */
static void rs_where_init(rs_where *w, const rs_query *q, int counting)
{
    memset(w, 0, sizeof *w);
    rs_buf_init(&w->sql);
    rs_buf_puts(&w->sql, " WHERE 1 = 1");
    if (counting && !q->all_modalities)
        rs_buf_puts(&w->sql, " AND modality = 'asserted'");
}

/* ------------------------------------------------------------ tables */

/* Rows of strings to print as a table, JSON or CSV. A column whose name
 * starts with '#' holds numbers (JSON without quotes); the '#' is not
 * printed. */
typedef struct rs_table {
    const char *const *cols;
    int ncols;
    char **cells;
    size_t n, cap;
    int hide_zero_from; /* table output drops all-zero columns from here; 0 = none */
} rs_table;

static void rs_table_add(rs_table *t, const char *v)
{
    t->cells = rs_grow_array(t->cells, &t->cap, t->n + 1, sizeof *t->cells);
    t->cells[t->n++] = strdup(v ? v : "");
}

static void rs_table_free(rs_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->cells[i]);
    free(t->cells);
}

static const char *rs_col_name(const char *c)
{
    return c[0] == '#' ? c + 1 : c;
}

/* Display width: one per code point, which is right for the scripts here. */
static size_t rs_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int rs_col_shown(const rs_table *t, int c)
{
    if (!t->hide_zero_from || c < t->hide_zero_from)
        return 1;
    for (size_t r = 0; r * (size_t)t->ncols < t->n; r++)
        if (strcmp(t->cells[r * (size_t)t->ncols + (size_t)c], "0") != 0)
            return 1;
    return 0;
}

static void rs_table_text(const rs_table *t, rs_buf *out)
{
    size_t w[64] = {0};
    int shown[64];
    size_t rows = t->n / (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++) {
        shown[c] = rs_col_shown(t, c);
        w[c] = rs_width(rs_col_name(t->cols[c]));
        for (size_t r = 0; r < rows; r++) {
            size_t k = rs_width(t->cells[r * (size_t)t->ncols + (size_t)c]);
            w[c] = k > w[c] ? k : w[c];
        }
    }
    for (size_t r = 0; r <= rows; r++) {
        size_t len0 = out->len;
        for (int c = 0; c < t->ncols; c++) {
            if (!shown[c])
                continue;
            const char *v = r ? t->cells[(r - 1) * (size_t)t->ncols + (size_t)c] : rs_col_name(t->cols[c]);
            size_t pad = w[c] - rs_width(v);
            if (t->cols[c][0] == '#')
                for (; pad; pad--)
                    rs_buf_putc(out, ' ');
            rs_buf_puts(out, v);
            for (; pad; pad--)
                rs_buf_putc(out, ' ');
            rs_buf_puts(out, "  ");
        }
        while (out->len > len0 && out->data[out->len - 1] == ' ')
            out->data[--out->len] = '\0';
        rs_buf_putc(out, '\n');
    }
}

static void rs_csv_field(rs_buf *out, const char *v)
{
    if (!strpbrk(v, ",\"\n\r")) {
        rs_buf_puts(out, v);
        return;
    }
    rs_buf_putc(out, '"');
    for (; *v; v++) {
        if (*v == '"')
            rs_buf_putc(out, '"');
        rs_buf_putc(out, *v);
    }
    rs_buf_putc(out, '"');
}

static void rs_table_csv(const rs_table *t, rs_buf *out)
{
    for (int c = 0; c < t->ncols; c++) {
        rs_buf_puts(out, c ? "," : "");
        rs_csv_field(out, rs_col_name(t->cols[c]));
    }
    rs_buf_putc(out, '\n');
    for (size_t i = 0; i < t->n; i++) {
        rs_csv_field(out, t->cells[i]);
        rs_buf_putc(out, (i + 1) % (size_t)t->ncols ? ',' : '\n');
    }
}

static void rs_table_json(const rs_table *t, rs_buf *out)
{
    rs_buf_putc(out, '[');
    for (size_t i = 0; i < t->n; i++) {
        int c = (int)(i % (size_t)t->ncols);
        rs_buf_puts(out, c ? "," : i ? ",\n {" : "{");
        const char *name = rs_col_name(t->cols[c]);
        rs_json_string(out, name, strlen(name));
        rs_buf_putc(out, ':');
        if (t->cols[c][0] == '#')
            rs_buf_puts(out, t->cells[i][0] ? t->cells[i] : "null");
        else
            rs_json_string(out, t->cells[i], strlen(t->cells[i]));
        if (c == t->ncols - 1)
            rs_buf_putc(out, '}');
    }
    rs_buf_puts(out, "]\n");
}

static void rs_table_print(const rs_table *t, rs_out_format f, rs_buf *out)
{
    if (f == RS_OUT_JSON)
        rs_table_json(t, out);
    else if (f == RS_OUT_CSV)
        rs_table_csv(t, out);
    else
        rs_table_text(t, out);
}

/* Adds each row of a query to a table, cells as they come. */
static int rs_table_row(void *ctx, int n, const char *const *v)
{
    rs_table *t = ctx;
    for (int i = 0; i < t->ncols; i++)
        rs_table_add(t, i < n ? v[i] : NULL);
    return 0;
}

static void rs_fmt_num(char *out, size_t size, const char *fmt, double v)
{
    snprintf(out, size, fmt, v);
    if (strcmp(out, "-0.0") == 0 || strcmp(out, "-0.00") == 0)
        memmove(out, out + 1, strlen(out));
}

/* ------------------------------------------------------------ dyad */

/* The period a day falls in: 2024-11-26, 2024-W48, 2024-11 or 2024. */
static int rs_period(const char *day, const char *by, char out[24])
{
    int32_t d;
    if (strcmp(by, "day") == 0)
        snprintf(out, 24, "%.10s", day);
    else if (strcmp(by, "month") == 0)
        snprintf(out, 24, "%.7s", day);
    else if (strcmp(by, "year") == 0)
        snprintf(out, 24, "%.4s", day);
    else if (strcmp(by, "week") == 0 && rs_days_parse(day, &d) == 0) {
        /* ISO 8601: a week belongs to the year of its Thursday. */
        int32_t thu = d - rs_days_weekday(d) + 4, jan1;
        char t[11];
        rs_days_format(thu, t);
        char y[11];
        snprintf(y, sizeof y, "%.4s-01-01", t);
        rs_days_parse(y, &jan1);
        snprintf(out, 24, "%.4s-W%02d", t, (int)((thu - jan1) / 7 + 1));
    } else
        return -1;
    return 0;
}

/* Sums for one period of a dyad. */
typedef struct rs_dyad_row {
    char period[24];
    long long events, plover[RS_NPLOVER], quad[5];
    double goldstein;
} rs_dyad_row;

typedef struct rs_dyad_ctx {
    const char *by;
    rs_dyad_row *rows;
    size_t n, cap;
} rs_dyad_ctx;

static int rs_dyad_event(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_dyad_ctx *d = ctx;
    char period[24];
    if (rs_period(v[0], d->by, period))
        return 0;
    if (!d->n || strcmp(d->rows[d->n - 1].period, period) != 0) {
        d->rows = rs_grow_array(d->rows, &d->cap, d->n + 1, sizeof *d->rows);
        memset(&d->rows[d->n], 0, sizeof d->rows[d->n]);
        memcpy(d->rows[d->n++].period, period, sizeof period);
    }
    rs_dyad_row *r = &d->rows[d->n - 1];
    r->events++;
    for (int i = 0; i < RS_NPLOVER; i++)
        r->plover[i] += v[1] && strcmp(v[1], rs_plover_types[i]) == 0;
    r->goldstein += v[2] ? atof(v[2]) : 0;
    int quad = v[3] ? atoi(v[3]) : 0;
    r->quad[quad >= 1 && quad <= 4 ? quad : 0]++;
    return 0;
}

static void rs_dyad_table(const rs_dyad_ctx *d, rs_table *t)
{
    char v[32];
    for (size_t i = 0; i < d->n; i++) {
        const rs_dyad_row *r = &d->rows[i];
        rs_table_add(t, r->period);
        snprintf(v, sizeof v, "%lld", r->events);
        rs_table_add(t, v);
        for (int k = 0; k < RS_NPLOVER; k++) {
            snprintf(v, sizeof v, "%lld", r->plover[k]);
            rs_table_add(t, v);
        }
        rs_fmt_num(v, sizeof v, "%.1f", r->goldstein);
        rs_table_add(t, v);
        rs_fmt_num(v, sizeof v, "%.2f", r->goldstein / (double)r->events);
        rs_table_add(t, v);
        for (int k = 1; k <= 4; k++) {
            snprintf(v, sizeof v, "%lld", r->quad[k]);
            rs_table_add(t, v);
        }
    }
}

static const char *const rs_dyad_cols[] = {
    "period", "#events", "#AGREE", "#CONSULT", "#SUPPORT", "#COOPERATE", "#AID", "#CONCEDE", "#RETREAT",
    "#ACCUSE", "#REQUEST", "#REJECT", "#THREATEN", "#PROTEST", "#MOBILIZE", "#SANCTION", "#COERCE",
    "#ASSAULT", "#goldstein_sum", "#goldstein_mean", "#quad1", "#quad2", "#quad3", "#quad4"};

int rs_query_dyad(rs_store *s, const rs_query *q, rs_buf *out)
{
    char a[32], b[32], period[24];
    const char *by = q->by ? q->by : "month";
    if (!q->a || !q->b || !rs_code_like(q->a, a) || !rs_code_like(q->b, b))
        return rs_store_fail(s, "dyad wants two actor codes, such as AFG RUS");
    if (rs_period("2024-01-01", by, period))
        return rs_store_fail(s, "--by wants day, week, month or year, not '%s'", by);
    rs_where w;
    rs_where_init(&w, q, 1);
    if (q->directed)
        rs_where_add(&w, "(source_code LIKE ? AND target_code LIKE ?)", a, b);
    else {
        rs_where_add(&w, "((source_code LIKE ? AND target_code LIKE ?)", a, b);
        rs_where_raw(&w, " OR (source_code LIKE ? AND target_code LIKE ?))", b, a);
    }
    int rc = rs_query_dates(s, q, &w);
    rs_dyad_ctx d = {by, NULL, 0, 0};
    if (!rc) {
        rs_buf sql;
        rs_buf_init(&sql);
        rs_buf_printf(&sql, "SELECT day_first, plover, goldstein, quad FROM events%s AND day_first IS NOT NULL"
                            " ORDER BY day_first", w.sql.data);
        rc = s->be->query(s, sql.data, w.params, w.n, rs_dyad_event, &d);
        rs_buf_free(&sql);
    }
    if (!rc) {
        rs_table t = {rs_dyad_cols, 24, NULL, 0, 0, 2};
        rs_dyad_table(&d, &t);
        rs_table_print(&t, q->format, out);
        rs_table_free(&t);
    }
    free(d.rows);
    rs_buf_free(&w.sql);
    return rc;
}

/* ------------------------------------------------------------ events */

/* Events as they arrive from the join with their mentions (one row per
 * mention, ordered by event): one printed block per event. */
typedef struct rs_events_ctx {
    rs_out_format format;
    rs_buf *out;
    char last[24];
    size_t n;
} rs_events_ctx;

enum { EV_ID, EV_DATE, EV_SRC, EV_TGT, EV_CAMEO, EV_PLOVER, EV_GOLD, EV_MOD, EV_PLACE, EV_COUNTRY,
       EV_MDOC, EV_MSENT, EV_URL, EV_EVIDENCE, EV_NCOLS };

static void rs_event_head_text(rs_buf *o, const char *const *v)
{
    rs_buf_printf(o, "#%s %s %s -> %s %s %s %s %s", v[EV_ID], v[EV_DATE][0] ? v[EV_DATE] : "?",
                  v[EV_SRC] ? v[EV_SRC] : "-", v[EV_TGT] ? v[EV_TGT] : "-", v[EV_CAMEO], v[EV_PLOVER], v[EV_GOLD],
                  v[EV_MOD]);
    if (v[EV_PLACE])
        rs_buf_printf(o, " at %s (%s)", v[EV_PLACE], v[EV_COUNTRY] ? v[EV_COUNTRY] : "");
    rs_buf_putc(o, '\n');
}

static void rs_json_field(rs_buf *o, const char *name, const char *v, int number)
{
    rs_buf_printf(o, "\"%s\":", name);
    if (!v)
        rs_buf_puts(o, "null");
    else if (number)
        rs_buf_puts(o, v);
    else
        rs_json_string(o, v, strlen(v));
}

static void rs_event_head_json(rs_buf *o, const char *const *v, size_t n)
{
    static const char *const names[] = {"id", "date", "source", "target", "cameo", "plover", "goldstein",
                                        "modality", "place", "country"};
    rs_buf_puts(o, n ? "]},\n {" : "{");
    for (int i = EV_ID; i <= EV_COUNTRY; i++) {
        rs_buf_puts(o, i ? "," : "");
        rs_json_field(o, names[i], v[i], i == EV_ID || i == EV_GOLD);
    }
    rs_buf_puts(o, ",\"mentions\":[");
}

static int rs_events_row(void *ctx, int n, const char *const *row)
{
    (void)n;
    rs_events_ctx *e = ctx;
    /* Goldstein as the coder writes it, whatever the database printed. */
    const char *v[EV_NCOLS];
    char gold[32];
    memcpy(v, row, sizeof v);
    rs_fmt_num(gold, sizeof gold, "%.1f", atof(row[EV_GOLD]));
    v[EV_GOLD] = gold;
    rs_buf *o = e->out;
    int first = strcmp(e->last, v[EV_ID]) != 0;
    if (first) {
        snprintf(e->last, sizeof e->last, "%s", v[EV_ID]);
        if (e->format == RS_OUT_JSON)
            rs_event_head_json(o, v, e->n);
        else if (e->format == RS_OUT_TABLE)
            rs_event_head_text(o, v);
        e->n++;
    }
    if (e->format == RS_OUT_JSON) {
        rs_buf_puts(o, first ? "{" : ",{");
        rs_json_field(o, "doc", v[EV_MDOC], 0);
        rs_buf_putc(o, ',');
        rs_json_field(o, "sent", v[EV_MSENT], 1);
        rs_buf_putc(o, ',');
        rs_json_field(o, "url", v[EV_URL], 0);
        rs_buf_putc(o, ',');
        rs_json_field(o, "evidence", v[EV_EVIDENCE], 0);
        rs_buf_putc(o, '}');
    } else if (e->format == RS_OUT_TABLE) {
        rs_buf_printf(o, "    %s:%s %s\n      %s\n", v[EV_MDOC], v[EV_MSENT], v[EV_URL] ? v[EV_URL] : "",
                      v[EV_EVIDENCE]);
    } else {
        for (int i = 0; i < EV_NCOLS; i++) {
            rs_buf_puts(o, i ? "," : "");
            rs_csv_field(o, v[i] ? v[i] : "");
        }
        rs_buf_putc(o, '\n');
    }
    return 0;
}

static int rs_events_where(rs_store *s, const rs_query *q, rs_where *w)
{
    char code[32], type[16], cameo[8];
    if (q->actor) {
        if (!rs_code_like(q->actor, code))
            return rs_store_fail(s, "--actor wants an actor code, not '%s'", q->actor);
        rs_where_add(w, "(source_code LIKE ? OR target_code LIKE ?)", code, code);
    }
    if (q->type) {
        size_t i = 0;
        for (; q->type[i] && i < sizeof type - 1; i++)
            type[i] = (char)toupper((unsigned char)q->type[i]);
        type[i] = '\0';
        rs_where_add(w, "plover = ?", type, NULL);
    }
    if (q->cameo) {
        size_t n = strspn(q->cameo, "0123456789");
        if (n < 2 || n > 4 || q->cameo[n])
            return rs_store_fail(s, "--cameo wants 2 to 4 digits, not '%s'", q->cameo);
        snprintf(cameo, sizeof cameo, "%s%%", q->cameo);
        rs_where_add(w, "cameo LIKE ?", cameo, NULL);
    }
    if (q->place)
        rs_where_add(w, "(place = ? OR country = ?)", q->place, q->place);
    return rs_query_dates(s, q, w);
}

int rs_query_events(rs_store *s, const rs_query *q, rs_buf *out)
{
    rs_where w;
    rs_where_init(&w, q, 0);
    int rc = rs_events_where(s, q, &w);
    rs_events_ctx e = {q->format, out, "", 0};
    if (!rc) {
        rs_buf sql;
        rs_buf_init(&sql);
        rs_buf_printf(&sql,
                      "SELECT e.id, e.date, e.source_code, e.target_code, e.cameo, e.plover, e.goldstein,"
                      " e.modality, e.place, e.country, m.doc, m.sent, d.url, m.evidence"
                      " FROM events e JOIN mentions m ON m.event_id = e.id JOIN documents d ON d.id = m.doc"
                      " WHERE e.id IN (SELECT id FROM events%s)"
                      " ORDER BY COALESCE(e.day_first, ''), e.id, m.doc, m.sent", w.sql.data);
        if (q->format == RS_OUT_CSV)
            rs_buf_puts(out, "id,date,source,target,cameo,plover,goldstein,modality,place,country,"
                             "doc,sent,url,evidence\n");
        if (q->format == RS_OUT_JSON)
            rs_buf_puts(out, "[");
        rc = s->be->query(s, sql.data, w.params, w.n, rs_events_row, &e);
        if (q->format == RS_OUT_JSON)
            rs_buf_puts(out, e.n ? "]}]\n" : "]\n");
        rs_buf_free(&sql);
    }
    rs_buf_free(&w.sql);
    return rc;
}

/* ------------------------------------------------------------ top */

static const char *const rs_top_actor_cols[] = {"actor", "#events"};
static const char *const rs_top_dyad_cols[] = {"source", "target", "#events", "#goldstein_sum"};
static const char *const rs_top_place_cols[] = {"place", "country", "#events"};

/* Goldstein sums come back as the database prints a double; one decimal. */
static void rs_table_round(rs_table *t, int col)
{
    for (size_t i = (size_t)col; i < t->n; i += (size_t)t->ncols) {
        char v[32];
        rs_fmt_num(v, sizeof v, "%.1f", atof(t->cells[i]));
        free(t->cells[i]);
        t->cells[i] = strdup(v);
    }
}

int rs_query_top(rs_store *s, const char *what, const rs_query *q, rs_buf *out)
{
    rs_table t = {NULL, 0, NULL, 0, 0, 0};
    const char *sql;
    if (strcmp(what, "actors") == 0) {
        t.cols = rs_top_actor_cols, t.ncols = 2;
        sql = "SELECT code, COUNT(*) FROM (SELECT source_code AS code, day_first, modality FROM events UNION ALL"
              " SELECT target_code AS code, day_first, modality FROM events) a%s AND code IS NOT NULL"
              " GROUP BY code ORDER BY COUNT(*) DESC, code LIMIT %zu";
    } else if (strcmp(what, "dyads") == 0) {
        t.cols = rs_top_dyad_cols, t.ncols = 4;
        sql = "SELECT source_code, target_code, COUNT(*), SUM(goldstein) FROM events%s"
              " AND source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY source_code, target_code"
              " ORDER BY COUNT(*) DESC, source_code, target_code LIMIT %zu";
    } else if (strcmp(what, "places") == 0) {
        t.cols = rs_top_place_cols, t.ncols = 3;
        sql = "SELECT place, country, COUNT(*) FROM events%s AND place IS NOT NULL"
              " GROUP BY place, country ORDER BY COUNT(*) DESC, place, country LIMIT %zu";
    } else
        return rs_store_fail(s, "top wants actors, dyads or places, not '%s'", what);
    rs_where w;
    rs_where_init(&w, q, 1);
    int rc = rs_query_dates(s, q, &w);
    if (!rc) {
        rs_buf b;
        rs_buf_init(&b);
        rs_buf_printf(&b, sql, w.sql.data, q->limit ? q->limit : (size_t)10);
        rc = s->be->query(s, b.data, w.params, w.n, rs_table_row, &t);
        rs_buf_free(&b);
    }
    if (!rc) {
        if (t.ncols == 4)
            rs_table_round(&t, 3);
        rs_table_print(&t, q->format, out);
    }
    rs_table_free(&t);
    rs_buf_free(&w.sql);
    return rc;
}

/* ------------------------------------------------------------ network */

static void rs_xml_text(rs_buf *o, const char *v)
{
    for (; *v; v++) {
        switch (*v) {
        case '<': rs_buf_puts(o, "&lt;"); break;
        case '>': rs_buf_puts(o, "&gt;"); break;
        case '&': rs_buf_puts(o, "&amp;"); break;
        case '"': rs_buf_puts(o, "&quot;"); break;
        default: rs_buf_putc(o, *v);
        }
    }
}

/* Nodes are the actors of the edges, with their roots from the actors
 * table; edges are directed dyads, weighted by their event count. */
static void rs_network_nodes(const rs_table *nodes, const char *format, rs_buf *o)
{
    for (size_t i = 0; i < nodes->n; i += 2) {
        const char *id = nodes->cells[i], *root = nodes->cells[i + 1];
        if (strcmp(format, "graphml") == 0) {
            rs_buf_puts(o, "    <node id=\"");
            rs_xml_text(o, id);
            rs_buf_puts(o, "\"><data key=\"root\">");
            rs_xml_text(o, root);
            rs_buf_puts(o, "</data></node>\n");
        } else if (strcmp(format, "dot") == 0) {
            rs_buf_puts(o, "  ");
            rs_json_string(o, id, strlen(id));
            rs_buf_puts(o, " [root=");
            rs_json_string(o, root, strlen(root));
            rs_buf_puts(o, "];\n");
        } else {
            rs_buf_puts(o, i ? ",\n  {\"id\":" : "\n  {\"id\":");
            rs_json_string(o, id, strlen(id));
            rs_buf_puts(o, ",\"root\":");
            rs_json_string(o, root, strlen(root));
            rs_buf_putc(o, '}');
        }
    }
}

static void rs_network_edges(const rs_table *edges, const char *format, rs_buf *o)
{
    for (size_t i = 0; i < edges->n; i += 4) {
        const char *a = edges->cells[i], *b = edges->cells[i + 1], *n = edges->cells[i + 2];
        char sum[32], mean[32];
        rs_fmt_num(sum, sizeof sum, "%.1f", atof(edges->cells[i + 3]));
        rs_fmt_num(mean, sizeof mean, "%.2f", atof(edges->cells[i + 3]) / atof(n));
        if (strcmp(format, "graphml") == 0) {
            rs_buf_puts(o, "    <edge source=\"");
            rs_xml_text(o, a);
            rs_buf_puts(o, "\" target=\"");
            rs_xml_text(o, b);
            rs_buf_printf(o, "\"><data key=\"weight\">%s</data><data key=\"goldstein\">%s</data>"
                             "<data key=\"goldstein_mean\">%s</data></edge>\n", n, sum, mean);
        } else if (strcmp(format, "dot") == 0) {
            rs_buf_puts(o, "  ");
            rs_json_string(o, a, strlen(a));
            rs_buf_puts(o, " -> ");
            rs_json_string(o, b, strlen(b));
            rs_buf_printf(o, " [weight=%s, goldstein=%s, goldstein_mean=%s, label=\"%s\"];\n", n, sum, mean, n);
        } else {
            rs_buf_puts(o, i ? ",\n  {\"source\":" : "\n  {\"source\":");
            rs_json_string(o, a, strlen(a));
            rs_buf_puts(o, ",\"target\":");
            rs_json_string(o, b, strlen(b));
            rs_buf_printf(o, ",\"weight\":%s,\"goldstein\":%s,\"goldstein_mean\":%s}", n, sum, mean);
        }
    }
}

static void rs_network_print(const rs_table *nodes, const rs_table *edges, const char *format, rs_buf *o)
{
    if (strcmp(format, "graphml") == 0)
        rs_buf_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                       "  <key id=\"root\" for=\"node\" attr.name=\"root\" attr.type=\"string\"/>\n"
                       "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
                       "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
                       "  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
                       "  <graph id=\"rasad\" edgedefault=\"directed\">\n");
    else if (strcmp(format, "dot") == 0)
        rs_buf_puts(o, "digraph rasad {\n");
    else
        rs_buf_puts(o, "{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":[");
    rs_network_nodes(nodes, format, o);
    if (strcmp(format, "json") == 0)
        rs_buf_puts(o, "],\"links\":[");
    rs_network_edges(edges, format, o);
    if (strcmp(format, "graphml") == 0)
        rs_buf_puts(o, "  </graph>\n</graphml>\n");
    else if (strcmp(format, "dot") == 0)
        rs_buf_puts(o, "}\n");
    else
        rs_buf_puts(o, "]}\n");
}

int rs_query_network(rs_store *s, const rs_query *q, const char *format, rs_buf *out)
{
    static const char *const edge_cols[] = {"source", "target", "#events", "#goldstein"};
    static const char *const node_cols[] = {"id", "root"};
    if (strcmp(format, "graphml") && strcmp(format, "dot") && strcmp(format, "json"))
        return rs_store_fail(s, "--format wants graphml, dot or json, not '%s'", format);
    rs_where w;
    rs_where_init(&w, q, 1);
    rs_buf_puts(&w.sql, " AND source_code IS NOT NULL AND target_code IS NOT NULL");
    rs_table edges = {edge_cols, 4, NULL, 0, 0, 0}, nodes = {node_cols, 2, NULL, 0, 0, 0};
    int rc = rs_query_dates(s, q, &w);
    rs_buf sql;
    rs_buf_init(&sql);
    if (!rc) {
        rs_buf_printf(&sql, "SELECT source_code, target_code, COUNT(*), SUM(goldstein) FROM events%s"
                            " GROUP BY source_code, target_code ORDER BY source_code, target_code", w.sql.data);
        rc = s->be->query(s, sql.data, w.params, w.n, rs_table_row, &edges);
    }
    if (!rc) {
        rs_buf_clear(&sql);
        rs_buf_printf(&sql, "SELECT code, root FROM actors WHERE code IN (SELECT source_code FROM events%s"
                            " UNION SELECT target_code FROM events%s) ORDER BY code", w.sql.data, w.sql.data);
        const char *p[32];
        for (int i = 0; i < 2 * w.n; i++)
            p[i] = w.params[i % w.n];
        rc = s->be->query(s, sql.data, p, 2 * w.n, rs_table_row, &nodes);
    }
    if (!rc)
        rs_network_print(&nodes, &edges, format, out);
    rs_buf_free(&sql);
    rs_table_free(&edges);
    rs_table_free(&nodes);
    rs_buf_free(&w.sql);
    return rc;
}

/* ------------------------------------------------------------ export */

typedef struct rs_export_ctx {
    int format; /* 0 tsv, 1 csv, 2 jsonl */
    FILE *f;
    rs_buf out;
    int failed;
} rs_export_ctx;

/* The columns of docs/events.md "Output", then what the store adds. */
enum { X_DOC, X_SENT, X_DATE, X_PREC, X_SRC, X_TGT = X_SRC + 4, X_CAMEO = X_TGT + 4, X_PLOVER, X_GOLD,
       X_QUAD, X_MOD, X_TRIGGER, X_LANG, X_PLACE, X_COUNTRY, X_LAT, X_LON, X_EVIDENCE, X_SPAN0, X_SPAN1,
       X_CLAIMED, X_ID, X_MENTIONS, X_NCOLS };

static const char rs_export_select[] =
    "SELECT doc, sent, date, date_precision, source_code, source_root, source_role, source_text,"
    " target_code, target_root, target_role, target_text, cameo, plover, goldstein, quad, modality,"
    " trigger, lang, place, country, lat, lon, evidence, span_start, span_end, claimed, id,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id) FROM events e ORDER BY id";

/* A value as the coder writes it: one decimal for Goldstein, two for
 * coordinates, whatever the database printed. */
static const char *rs_export_value(const char *const *v, int i, char tmp[32])
{
    if (!v[i])
        return "";
    if (i == X_GOLD || i == X_LAT || i == X_LON) {
        rs_fmt_num(tmp, 32, i == X_GOLD ? "%.1f" : "%.2f", atof(v[i]));
        return tmp;
    }
    return v[i];
}

static void rs_export_actor_json(rs_buf *o, const char *const *v, int at)
{
    if (!v[at]) {
        rs_buf_puts(o, "null");
        return;
    }
    static const char *const names[] = {"code", "root", "role", "text"};
    for (int i = 0; i < 4; i++) {
        rs_buf_puts(o, i ? "," : "{");
        rs_json_field(o, names[i], v[at + i] ? v[at + i] : "", 0);
    }
    rs_buf_putc(o, '}');
}

static void rs_export_json(rs_buf *o, const char *const *v)
{
    char t1[32], t2[32];
    rs_buf_puts(o, "{\"id\":");
    rs_buf_puts(o, v[X_ID]);
    rs_buf_puts(o, ",\"doc\":");
    rs_json_string(o, v[X_DOC], strlen(v[X_DOC]));
    rs_buf_printf(o, ",\"sent\":%s,\"date\":", v[X_SENT]);
    rs_json_string(o, v[X_DATE], strlen(v[X_DATE]));
    rs_buf_printf(o, ",\"date_precision\":\"%s\",\"source\":", v[X_PREC]);
    rs_export_actor_json(o, v, X_SRC);
    rs_buf_puts(o, ",\"target\":");
    rs_export_actor_json(o, v, X_TGT);
    rs_buf_printf(o, ",\"cameo\":\"%s\",\"plover\":\"%s\",\"goldstein\":%s,\"quad\":%s,\"modality\":\"%s\"",
                  v[X_CAMEO], v[X_PLOVER], rs_export_value(v, X_GOLD, t1), v[X_QUAD], v[X_MOD]);
    if (atoi(v[X_CLAIMED]))
        rs_buf_puts(o, ",\"claimed\":true");
    rs_buf_puts(o, ",\"trigger\":");
    rs_json_string(o, v[X_TRIGGER], strlen(v[X_TRIGGER]));
    rs_buf_printf(o, ",\"lang\":\"%s\"", v[X_LANG]);
    if (v[X_PLACE]) {
        rs_buf_puts(o, ",\"location\":{\"name\":");
        rs_json_string(o, v[X_PLACE], strlen(v[X_PLACE]));
        rs_buf_printf(o, ",\"country\":\"%s\",\"lat\":%s,\"lon\":%s}", v[X_COUNTRY] ? v[X_COUNTRY] : "",
                      rs_export_value(v, X_LAT, t1), rs_export_value(v, X_LON, t2));
    }
    rs_buf_printf(o, ",\"span\":[%s,%s],\"evidence\":", v[X_SPAN0], v[X_SPAN1]);
    rs_json_string(o, v[X_EVIDENCE], strlen(v[X_EVIDENCE]));
    rs_buf_printf(o, ",\"mentions\":%s}\n", v[X_MENTIONS]);
}

static int rs_export_row(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_export_ctx *x = ctx;
    char tmp[32];
    if (x->format == 2) {
        rs_export_json(&x->out, v);
    } else {
        for (int i = 0; i <= X_EVIDENCE; i++) {
            const char *s = rs_export_value(v, i, tmp);
            if (x->format == 1)
                rs_csv_field(&x->out, s);
            else
                for (; *s; s++)
                    rs_buf_putc(&x->out, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
            rs_buf_putc(&x->out, i == X_EVIDENCE ? '\n' : x->format == 1 ? ',' : '\t');
        }
    }
    if (x->out.len >= (1u << 16)) {
        x->failed |= fwrite(x->out.data, 1, x->out.len, x->f) != x->out.len;
        rs_buf_clear(&x->out);
    }
    return x->failed;
}

int rs_store_export(rs_store *s, const char *format, FILE *f)
{
    rs_export_ctx x = {0, f, {0}, 0};
    if (strcmp(format, "csv") == 0)
        x.format = 1;
    else if (strcmp(format, "jsonl") == 0 || strcmp(format, "json") == 0)
        x.format = 2;
    else if (strcmp(format, "tsv") != 0)
        return rs_store_fail(s, "--format wants csv, tsv or jsonl, not '%s'", format);
    rs_buf_init(&x.out);
    if (x.format < 2) {
        const char *h = rs_event_tsv_header();
        for (; *h; h++)
            rs_buf_putc(&x.out, *h == '\t' && x.format == 1 ? ',' : *h);
    }
    int rc = s->be->query(s, rs_export_select, NULL, 0, rs_export_row, &x);
    if (x.out.len)
        x.failed |= fwrite(x.out.data, 1, x.out.len, f) != x.out.len;
    rs_buf_free(&x.out);
    if (!rc && x.failed)
        rc = rs_store_fail(s, "writing the export failed");
    return rc;
}
