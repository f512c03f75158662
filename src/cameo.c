/*
 * cameo.c - the CAMEO table (dict/cameo.txt): each code's Goldstein value,
 * quad class, PLOVER 2021 type and name, looked up by code.
 */
#include "internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char rs_data_cameo[];
extern const size_t rs_data_cameo_size;

static rs_cameo_info *rs_cameo_rows;
static size_t rs_cameo_n, rs_cameo_cap;
static pthread_once_t rs_cameo_once = PTHREAD_ONCE_INIT;

static const char *const rs_plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
};

/* Parses one row; returns a problem's description, or NULL. name points
 * into the line, which must outlive the row. */
static const char *rs_cameo_parse(const char *line, size_t len, rs_cameo_info *row, size_t *name_len)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < 255 ? len : 255), line);
    char code[16], plover[12];
    float goldstein;
    int quad, used = 0;
    if (sscanf(buf, "%15s %f %d %11s %n", code, &goldstein, &quad, plover, &used) < 4 || !used)
        return "malformed row (want: code goldstein quad plover name)";
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return "code is not 2 to 4 digits";
    if (n < 2 || n > 4)
        return "code is not 2 to 4 digits";
    if (goldstein < -10 || goldstein > 10)
        return "Goldstein value outside -10..10";
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    int want_quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    if (root < 1 || root > 20 || quad != want_quad)
        return "quad class does not match the root (1: 01-05, 2: 06-08, 3: 09-13, 4: 14-20)";
    int known = strcmp(plover, "-") == 0 && root <= 2;
    for (size_t i = 0; i < sizeof rs_plover_types / sizeof *rs_plover_types; i++)
        known |= strcmp(plover, rs_plover_types[i]) == 0 && root > 2;
    if (!known)
        return "PLOVER type unknown (or - for a code outside 01 and 02)";
    memset(row, 0, sizeof *row);
    memcpy(row->code, code, n);
    row->goldstein = goldstein;
    row->quad = quad;
    if (strcmp(plover, "-") != 0)
        snprintf(row->plover, sizeof row->plover, "%s", plover);
    row->name = line + used;
    *name_len = len > (size_t)used ? len - (size_t)used : 0;
    return NULL;
}

static void rs_cameo_add(void *ctx, const char *line, size_t len, size_t number)
{
    (void)ctx;
    (void)number;
    rs_cameo_info row;
    size_t name_len;
    if (rs_cameo_parse(line, len, &row, &name_len))
        return;
    char *name = malloc(name_len + 1);
    memcpy(name, row.name, name_len);
    name[name_len] = '\0';
    row.name = name;
    if (rs_cameo_n == rs_cameo_cap) {
        rs_cameo_cap = rs_cameo_cap ? rs_cameo_cap * 2 : 512;
        rs_cameo_rows = realloc(rs_cameo_rows, rs_cameo_cap * sizeof *rs_cameo_rows);
        if (!rs_cameo_rows)
            abort();
    }
    rs_cameo_rows[rs_cameo_n++] = row;
}

/* Row indexes by code: the coder asks for a code at every trigger and
 * event, and codes are 2 to 4 digits, so each length has its own stretch
 * of slots and a lookup is arithmetic, not a search. */
#define RS_CAMEO_SLOTS (100 + 1000 + 10000)
static int32_t rs_cameo_slots[RS_CAMEO_SLOTS];

/* A code's slot from its first four bytes, or -1. */
static int rs_cameo_slot(const char *code)
{
    static const int base[5] = {-1, -1, 0, 100, 1100};
    int n = 0;
    size_t len = 0;
    for (; len < 4 && code[len]; len++) {
        if (code[len] < '0' || code[len] > '9')
            return -1;
        n = n * 10 + (code[len] - '0');
    }
    return len < 2 ? -1 : base[len] + n;
}

static void rs_cameo_load(void)
{
    rs_data_each_line(rs_data_cameo, rs_data_cameo_size, rs_cameo_add, NULL);
    memset(rs_cameo_slots, 0xFF, sizeof rs_cameo_slots);
    /* Backwards, so that a code listed twice keeps its first row. */
    for (size_t i = rs_cameo_n; i-- > 0;)
        rs_cameo_slots[rs_cameo_slot(rs_cameo_rows[i].code)] = (int32_t)i;
}

const rs_cameo_info *rs_cameo_find(const char *code)
{
    pthread_once(&rs_cameo_once, rs_cameo_load);
    int slot = rs_cameo_slot(code);
    return slot >= 0 && rs_cameo_slots[slot] >= 0 ? &rs_cameo_rows[rs_cameo_slots[slot]] : NULL;
}

typedef struct rs_cameo_lint_state {
    const char *name;
    FILE *out;
    size_t problems;
    char (*seen)[5];
    size_t n_seen;
} rs_cameo_lint_state;

static void rs_cameo_problem(rs_cameo_lint_state *st, size_t number, const char *what, const char *line, size_t len)
{
    fprintf(st->out, "%s:%zu: %s: %.*s\n", st->name, number, what, (int)len, line);
    st->problems++;
}

static void rs_cameo_lint_line(void *ctx, const char *line, size_t len, size_t number)
{
    rs_cameo_lint_state *st = ctx;
    rs_cameo_info row;
    size_t name_len;
    const char *problem = rs_cameo_parse(line, len, &row, &name_len);
    if (!problem && name_len == 0)
        problem = "row has no name";
    for (size_t i = 0; !problem && i < st->n_seen; i++)
        if (strcmp(st->seen[i], row.code) == 0)
            problem = "duplicate code";
    if (problem) {
        rs_cameo_problem(st, number, problem, line, len);
        return;
    }
    st->seen = realloc(st->seen, (st->n_seen + 1) * sizeof *st->seen);
    if (!st->seen)
        abort();
    memcpy(st->seen[st->n_seen++], row.code, 5);
}

size_t rs_cameo_lint(const char *name, const char *data, size_t size, FILE *out)
{
    rs_cameo_lint_state st = {name, out, 0, NULL, 0};
    rs_data_each_line((const unsigned char *)data, size, rs_cameo_lint_line, &st);
    for (int root = 1; root <= 20; root++) {
        char code[3] = {(char)('0' + root / 10), (char)('0' + root % 10), 0};
        int found = 0;
        for (size_t i = 0; i < st.n_seen && !found; i++)
            found = strcmp(st.seen[i], code) == 0;
        if (!found)
            rs_cameo_problem(&st, 0, "root missing from the table", code, 2);
    }
    free(st.seen);
    return st.problems;
}
