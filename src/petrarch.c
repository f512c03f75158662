/*
 * petrarch.c - reading PETRARCH / TABARI dictionaries, so that users of
 * those coders can bring their actor and agent files to rasad.
 *
 * The format: an actor line "NAME_ [CODE]" or "NAME_" followed by "+SYNONYM_"
 * lines and indented "[CODE date-range]" lines; an agent line "NAME [~ROLE]";
 * substitution sets "!SET! = A, B" used inside names as "CATTLE!PERSON!".
 * Date ranges are ">YYMMDD" (from), "<YYMMDD" (until) and "YYMMDD-YYMMDD",
 * with six- or eight-digit dates; a two-digit year below 30 is 20YY, else
 * 19YY. A code line without a range is the default for the other dates.
 * Word stems (a name without its final "_") become whole words: rasad's
 * tokenizer already handles English plurals.
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define RS_MAX_SETS 64
#define RS_MAX_EXPANSIONS 64

typedef struct rs_set {
    char name[32];
    char members[RS_MAX_EXPANSIONS][48];
    int n;
} rs_set;

typedef struct rs_importer {
    const char *path;
    FILE *out, *errors;
    rs_set sets[RS_MAX_SETS];
    int n_sets;
    rs_buf names;   /* the current entry's names, " | "-separated */
    rs_buf codes;   /* its code lines */
    char label[128];
    int is_agent;
    size_t written;
} rs_importer;

static void rs_trim(char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s))
        (*s)++, (*len)--;
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

static void rs_flush_entry(rs_importer *im)
{
    if (im->names.len && im->codes.len) {
        fprintf(im->out, "= %s\n%s", im->label, im->codes.data);
        fprintf(im->out, "en %s\n\n", im->names.data);
        im->written++;
    }
    rs_buf_clear(&im->names);
    rs_buf_clear(&im->codes);
    im->label[0] = '\0';
    im->is_agent = 0;
}

/* A PETRARCH date: YYMMDD or YYYYMMDD; -1 when malformed. */
static int32_t rs_petrarch_date(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i]))
            return -1;
    int32_t v = (int32_t)strtol(s, NULL, 10);
    if (len == 6) {
        int yy = v / 10000;
        v += (yy < 30 ? 20000000 : 19000000);
    } else if (len != 8) {
        return -1;
    }
    int m = (v / 100) % 100, d = v % 100;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? v : -1;
}

static void rs_put_ymd(rs_buf *b, int32_t v)
{
    rs_buf_printf(b, "%04d-%02d-%02d", v / 10000, (v / 100) % 100, v % 100);
}

/* "[CODE range]" into a code or role line. */
static void rs_read_bracket(rs_importer *im, size_t line, const char *s, size_t len)
{
    char text[96];
    snprintf(text, sizeof text, "%.*s", (int)(len < 95 ? len : 95), s);
    char *code = strtok(text, " \t");
    char *range = code ? strtok(NULL, " \t") : NULL;
    if (!code) {
        fprintf(im->errors, "%s:%zu: empty code\n", im->path, line);
        return;
    }
    if (code[0] == '~' || code[strlen(code) - 1] == '~') {
        char *role = code[0] == '~' ? code + 1 : code;
        if (strlen(role) >= 3) {
            rs_buf_printf(&im->codes, "role %.3s\n", role);
            im->is_agent = 1;
        }
        return;
    }
    rs_buf_printf(&im->codes, "code %s", code);
    if (range) {
        const char *dash = strchr(range, '-');
        int32_t from = 0, to = 0;
        if (range[0] == '>')
            from = rs_petrarch_date(range + 1, strlen(range + 1));
        else if (range[0] == '<')
            to = rs_petrarch_date(range + 1, strlen(range + 1));
        else if (dash) {
            from = rs_petrarch_date(range, (size_t)(dash - range));
            to = rs_petrarch_date(dash + 1, strlen(dash + 1));
        } else
            from = to = -1;
        if (from < 0 || to < 0) {
            fprintf(im->errors, "%s:%zu: malformed date range '%s'; code kept without it\n", im->path, line, range);
        } else {
            rs_buf_putc(&im->codes, ' ');
            if (from)
                rs_put_ymd(&im->codes, from);
            rs_buf_puts(&im->codes, "..");
            if (to)
                rs_put_ymd(&im->codes, to);
        }
    }
    rs_buf_putc(&im->codes, '\n');
}

static const rs_set *rs_find_set(const rs_importer *im, const char *name, size_t len)
{
    for (int i = 0; i < im->n_sets; i++)
        if (strlen(im->sets[i].name) == len && memcmp(im->sets[i].name, name, len) == 0)
            return &im->sets[i];
    return NULL;
}

/* Appends a name with underscores as spaces and each !SET! expanded. */
static void rs_add_name(rs_importer *im, size_t line, const char *s, size_t len)
{
    const char *bang = memchr(s, '!', len);
    const char *close = bang ? memchr(bang + 1, '!', len - (size_t)(bang - s) - 1) : NULL;
    if (bang && close) {
        const rs_set *set = rs_find_set(im, bang + 1, (size_t)(close - bang - 1));
        if (!set) {
            fprintf(im->errors, "%s:%zu: unknown substitution set %.*s\n", im->path, line,
                    (int)(close - bang + 1), bang);
            return;
        }
        for (int k = 0; k < set->n; k++) {
            char expanded[256];
            int n = snprintf(expanded, sizeof expanded, "%.*s%s%.*s", (int)(bang - s), s, set->members[k],
                             (int)(len - (size_t)(close - s) - 1), close + 1);
            if (n > 0 && (size_t)n < sizeof expanded)
                rs_add_name(im, line, expanded, (size_t)n);
        }
        return;
    }
    char name[256];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof name; i++)
        name[n++] = s[i] == '_' ? ' ' : s[i];
    char *p = name;
    rs_trim(&p, &n);
    if (!n || memchr(p, '|', n))
        return;
    if (!im->label[0])
        snprintf(im->label, sizeof im->label, "%.*s", (int)n, p);
    if (im->names.len)
        rs_buf_puts(&im->names, " | ");
    rs_buf_append(&im->names, p, n);
}

static void rs_read_set(rs_importer *im, size_t line, const char *s, size_t len)
{
    const char *eq = memchr(s, '=', len);
    const char *close = memchr(s + 1, '!', len - 1);
    if (!eq || !close || close > eq || im->n_sets == RS_MAX_SETS) {
        fprintf(im->errors, "%s:%zu: malformed substitution set\n", im->path, line);
        return;
    }
    rs_set *set = &im->sets[im->n_sets++];
    snprintf(set->name, sizeof set->name, "%.*s", (int)(close - s - 1), s + 1);
    set->n = 0;
    char members[1024];
    snprintf(members, sizeof members, "%.*s", (int)(len - (size_t)(eq - s) - 1), eq + 1);
    for (char *m = strtok(members, ","); m && set->n < RS_MAX_EXPANSIONS; m = strtok(NULL, ",")) {
        size_t n = strlen(m);
        rs_trim(&m, &n);
        snprintf(set->members[set->n++], sizeof set->members[0], "%.*s", (int)n, m);
    }
}

/* "!SET! = A, B": a name may also start with a set ("!MINIST! OF_WORKS"). */
static int rs_is_set_definition(const char *s, size_t len)
{
    const char *close = len > 1 && s[0] == '!' ? memchr(s + 1, '!', len - 1) : NULL;
    if (!close)
        return 0;
    size_t i = (size_t)(close - s) + 1;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i < len && s[i] == '=';
}

/* One line: a set, a synonym, a code, or a new entry's head. */
static void rs_import_line(rs_importer *im, size_t line, char *s, size_t len)
{
    char *hash = memchr(s, '#', len);
    if (hash)
        len = (size_t)(hash - s);
    int indented = len && (s[0] == ' ' || s[0] == '\t');
    rs_trim(&s, &len);
    if (!len)
        return;
    if (rs_is_set_definition(s, len)) {
        rs_read_set(im, line, s, len);
        return;
    }
    if (s[0] == '[' || s[0] == '+' || indented) {
        if (!im->label[0]) {
            fprintf(im->errors, "%s:%zu: synonym or code before any entry\n", im->path, line);
            return;
        }
        if (s[0] == '+') {
            rs_add_name(im, line, s + 1, len - 1);
            return;
        }
    } else {
        rs_flush_entry(im);
    }
    const char *open = memchr(s, '[', len);
    if (s[0] != '[')
        rs_add_name(im, line, s, open ? (size_t)(open - s) : len);
    for (const char *o = open; o; o = memchr(o + 1, '[', len - (size_t)(o + 1 - s))) {
        const char *close = memchr(o, ']', len - (size_t)(o - s));
        if (!close) {
            fprintf(im->errors, "%s:%zu: unclosed [\n", im->path, line);
            return;
        }
        rs_read_bracket(im, line, o + 1, (size_t)(close - o - 1));
        if ((size_t)(close + 1 - s) >= len)
            break;
    }
}

size_t rs_import_petrarch(const char *path, FILE *out, FILE *errors)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(errors, "%s: cannot open\n", path);
        return 0;
    }
    size_t written = rs_import_petrarch_stream(f, path, out, errors);
    fclose(f);
    return written;
}

size_t rs_import_petrarch_stream(FILE *f, const char *path, FILE *out, FILE *errors)
{
    rs_importer *im = calloc(1, sizeof *im);
    if (!im)
        abort();
    im->path = path;
    im->out = out;
    im->errors = errors;
    rs_buf_init(&im->names);
    rs_buf_init(&im->codes);
    fprintf(out, "# Imported from %s by rasad dict import-petrarch.\n\n", path);
    char *line = NULL;
    size_t cap = 0, number = 0;
    ssize_t got;
    rs_buf clean;
    rs_buf_init(&clean);
    while ((got = getline(&line, &cap, f)) >= 0) {
        number++;
        rs_buf_clear(&clean);
        rs_to_utf8(line, (size_t)got, &clean);
        rs_import_line(im, number, clean.data, clean.len);
    }
    rs_flush_entry(im);
    size_t written = im->written;
    free(line);
    rs_buf_free(&clean);
    rs_buf_free(&im->names);
    rs_buf_free(&im->codes);
    free(im);
    return written;
}
