/*
 * rasad.h - the one public header of librasad, a political event coder for
 * Persian, Arabic and English news.
 *
 * The library is a pipeline; each stage has its own source file in src/:
 *
 *   reader.c      documents in (JSON Lines or plain text, files or stdin)
 *   encoding.c    bad UTF-8 and legacy Arabic code pages made into clean UTF-8
 *   langid.c      fa / ar / en / ps / ur for each document
 *   furniture.c   page furniture (share buttons, "Read More", agency metadata)
 *   segment.c     sentences, with byte offsets into the document text
 *   normalize.c   the one canonical form used for every dictionary lookup
 *   tokenize.c    tokens with byte offsets and clitic / suffix analysis
 *   text.c        the above, run once per document
 *   calendar.c    Gregorian, Solar Hijri and Hijri days through ICU's ucal
 *   dates.c       date expressions found and resolved to Gregorian values
 *   lexicon.c     dictionaries (actors, event patterns, places) loaded and linted
 *   actors.c      actor mentions and their codes on a day
 *   coder.c       events: who did what to whom, when and where
 *
 * Memory: every function that returns memory says who frees it. Strings are
 * UTF-8 and carry an explicit length; they may contain NUL bytes.
 */
#ifndef RASAD_H
#define RASAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RS_VERSION "0.1.0"

/* ---------------------------------------------------------------- buffers */

/* A growable byte buffer. data is always NUL-terminated after rs_buf_*
 * calls (len does not count the NUL). Free with rs_buf_free. */
typedef struct rs_buf {
    char *data;
    size_t len;
    size_t cap;
} rs_buf;

void rs_buf_init(rs_buf *b);
void rs_buf_free(rs_buf *b);
void rs_buf_clear(rs_buf *b);
void rs_buf_reserve(rs_buf *b, size_t extra);
void rs_buf_append(rs_buf *b, const void *data, size_t len);
void rs_buf_puts(rs_buf *b, const char *s);
void rs_buf_putc(rs_buf *b, char c);
void rs_buf_printf(rs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends n in decimal (printf is too slow for per-sentence output). */
void rs_buf_put_uint(rs_buf *b, uint64_t n);
/* Appends v with that many decimals (0 to 4), as printf's "%.*f" would. */
void rs_buf_put_fixed(rs_buf *b, float v, int decimals);
/* Appends the UTF-8 encoding of code point c. */
void rs_buf_put_utf8(rs_buf *b, uint32_t c);
/* Takes the buffer's memory: the caller frees the result with free(). */
char *rs_buf_detach(rs_buf *b);

/* ---------------------------------------------------------------- languages */

typedef enum rs_lang {
    RS_LANG_UNKNOWN = 0,
    RS_LANG_FA,
    RS_LANG_AR,
    RS_LANG_EN,
    RS_LANG_PS,
    RS_LANG_UR
} rs_lang;

/* "fa", "ar", "en", "ps", "ur" or "und". Static storage. */
const char *rs_lang_code(rs_lang lang);
/* The language for a code; RS_LANG_UNKNOWN when the code is not one of ours. */
rs_lang rs_lang_from_code(const char *code);
/* The dominant language of a text, from its letters and function words. */
rs_lang rs_langid(const char *text, size_t len);

/* ---------------------------------------------------------------- UTF-8 */

/* Decodes one code point at s[*i], advancing *i by at least one byte.
 * Invalid or truncated sequences decode as U+FFFD and advance one byte. */
uint32_t rs_utf8_next(const char *s, size_t len, size_t *i);
/* Length in bytes of the longest valid UTF-8 prefix of s. */
size_t rs_utf8_valid_prefix(const char *s, size_t len);
/* Appends s to out with every invalid sequence replaced by U+FFFD. Returns
 * the number of replacements made. */
size_t rs_utf8_repair(const char *s, size_t len, rs_buf *out);

/* Makes raw bytes into clean UTF-8. Valid UTF-8 is copied as is. Otherwise,
 * when the bytes look like Arabic-script text in a legacy code page
 * (windows-1256 or ISO-8859-6, found with ICU's charset detector) they are
 * converted with ICU; failing that, invalid sequences become U+FFFD.
 * Appends to out. Returns the name of the legacy charset used (static
 * storage) or NULL when none was. */
const char *rs_to_utf8(const char *s, size_t len, rs_buf *out);

/* ---------------------------------------------------------------- documents */

/* One input document in the contract format (shared/docs/event-format.md).
 * Every string is owned by the document and freed by rs_doc_free; fields
 * that were absent are NULL. text is clean UTF-8 of text_len bytes. */
typedef struct rs_doc {
    char *id;
    char *date;      /* publication date, YYYY-MM-DD */
    char *lang;      /* the input's "lang" field, if any */
    char *url;
    char *title;
    char *source;
    char *text;
    size_t text_len;
    const char *file; /* where it was read: owned by the reader */
    size_t line;      /* 1-based line in that file (1 for --plain) */
} rs_doc;

void rs_doc_free(rs_doc *doc);

/* Parses one JSON Lines record into doc (which the caller frees with
 * rs_doc_free, also on failure). Bytes that are not UTF-8 are repaired
 * first (rs_to_utf8). Returns 0 on success; otherwise -1 with a one-line
 * reason in why. */
int rs_doc_parse_json(const char *line, size_t len, rs_doc *doc, char *why,
                      size_t why_size);

typedef struct rs_reader rs_reader;

typedef struct rs_reader_options {
    int plain;             /* one plain-text document per file */
    const char *date;      /* publication date for --plain documents */
    FILE *errors;          /* where FILE:LINE: reason goes; stderr if NULL */
    size_t max_line;       /* longest line accepted; 0 means 1 GiB */
} rs_reader_options;

/* A reader over files, directories (read recursively, in name order) and
 * "-" for standard input. Free with rs_reader_free. */
rs_reader *rs_reader_new(const rs_reader_options *options);
/* Queues a path. Returns 0, or -1 (reported and counted as skipped) when it
 * cannot be opened. */
int rs_reader_add(rs_reader *r, const char *path);
/* Reads the next good document into doc, which the caller frees with
 * rs_doc_free. Bad records are reported and skipped. Returns 1 for a
 * document, 0 at the end of all input. */
int rs_reader_next(rs_reader *r, rs_doc *doc);
/* How many records or files were skipped so far. */
size_t rs_reader_skipped(const rs_reader *r);
void rs_reader_free(rs_reader *r);

/* ---------------------------------------------------------------- normalisation */

/* Appends the canonical matching form of s to out. The form is documented
 * in docs/normalization.md: NFKC, lower case, Arabic-script letter variants
 * folded, harakat and tatweel removed, ZWNJ and detached Persian affixes
 * joined, digits made ASCII. Every dictionary lookup goes through it. */
void rs_normalize(const char *s, size_t len, rs_buf *out);
/* The same, as a new string that the caller frees with free(). */
char *rs_normalize_dup(const char *s, size_t len);

/* ---------------------------------------------------------------- sentences */

/* Why a piece of text is not article text. */
typedef enum rs_drop {
    RS_KEEP = 0,
    RS_DROP_PHRASE,    /* a known furniture phrase: "Read More", "انتهای پیام" */
    RS_DROP_METADATA,  /* agency metadata: "کد خبر: ...", "Tags: ..." */
    RS_DROP_BUTTONS,   /* share / print / social buttons */
    RS_DROP_MENU,      /* a run of short navigation or section labels */
    RS_DROP_HEADLINES, /* a list of related headlines after the article */
    RS_DROP_BULLET     /* a bulleted list item with no sentence in it */
} rs_drop;

/* "phrase", "metadata", ... or "" for RS_KEEP. Static storage. */
const char *rs_drop_name(rs_drop why);

typedef struct rs_sentence {
    size_t start, end; /* byte span [start, end) in the document text */
    int number;        /* 1-based, counting dropped sentences too */
    rs_drop dropped;   /* RS_KEEP for article text */
} rs_sentence;

/* The text layer's result for one document. Owned by the caller; free with
 * rs_text_free. text points into the caller's document, which must outlive
 * it. */
typedef struct rs_text {
    const char *text;
    size_t len;
    rs_lang lang;
    rs_sentence *sentences;
    size_t n_sentences;
    size_t cap_sentences;
} rs_text;

/* Runs language identification (unless lang is given), furniture removal
 * and sentence splitting over a document's text. Returns NULL only when
 * memory runs out. */
rs_text *rs_text_analyze(const char *text, size_t len, rs_lang lang);
void rs_text_free(rs_text *t);

/* Splits [start, end) of text into sentences and appends them to t, all
 * kept. rs_text_analyze calls it for each line it keeps. */
void rs_split_sentences(rs_text *t, size_t start, size_t end);

/* ---------------------------------------------------------------- tokens */

typedef enum rs_token_kind {
    RS_TOKEN_WORD = 1,
    RS_TOKEN_NUMBER,
    RS_TOKEN_PUNCT
} rs_token_kind;

/* Clitics and suffixes found on a word (bit flags). */
enum {
    RS_AFFIX_CONJ = 1 << 0,       /* Arabic و ف */
    RS_AFFIX_PREP = 1 << 1,       /* Arabic ب ل ك */
    RS_AFFIX_FUTURE = 1 << 2,     /* Arabic سـ */
    RS_AFFIX_ARTICLE = 1 << 3,    /* Arabic ال */
    RS_AFFIX_PRONOUN = 1 << 4,    /* Arabic ـه ـها ـهم ...; Persian ـش ـشان ... */
    RS_AFFIX_PLURAL = 1 << 5,     /* Persian ها های; Arabic ون ين ات */
    RS_AFFIX_EZAFE = 1 << 6,      /* Persian ezafe or indefinite ـی after a vowel */
    RS_AFFIX_VERB_PREFIX = 1 << 7, /* Persian می نمی */
    RS_AFFIX_POSSESSIVE = 1 << 8   /* English 's */
};

/* One token. Its normalised form is norm_len bytes at pool + norm_off, and
 * its stem (clitics and suffixes taken off) stem_len bytes at pool +
 * stem_off. Both are NUL-terminated. The stem is a guess for lookups to try
 * after the whole form: "وزیر" is a word, not و + زیر. */
typedef struct rs_token {
    size_t start, end; /* byte span in the document text */
    uint32_t norm_off, norm_len;
    uint32_t stem_off, stem_len;
    /* Hashes of the normalised form and the stem, for the library's own
     * lookups: each word is looked up in several dictionaries, and hashed
     * once. */
    uint64_t norm_hash, stem_hash;
    uint16_t affixes; /* RS_AFFIX_* */
    uint8_t kind;     /* rs_token_kind */
} rs_token;

/* A reusable list of tokens. Initialise with rs_tokens_init, free with
 * rs_tokens_free; rs_tokenize reuses its memory, so a loop over sentences
 * allocates only while the list grows. */
typedef struct rs_tokens {
    rs_token *items;
    size_t n, cap;
    rs_buf pool;
    struct rs_stem_memo *stem_memo; /* the tokenizer's own */
} rs_tokens;

void rs_tokens_init(rs_tokens *list);
void rs_tokens_free(rs_tokens *list);
/* Tokenises [start, end) of text, replacing the list's contents. Detached
 * Persian affixes (می کند, رسانه های) are joined into one token. */
void rs_tokenize(const char *text, size_t start, size_t end, rs_lang lang,
                 rs_tokens *list);
/* Pointers to a token's normalised form and stem inside the list's pool,
 * valid until the list is next changed. */
const char *rs_token_norm(const rs_tokens *list, const rs_token *t);
const char *rs_token_stem(const rs_tokens *list, const rs_token *t);

/* ---------------------------------------------------------------- dictionaries */

/* Lints every bundled dictionary, and every dictionary file directly in
 * user_dir when it is not NULL (files named like the bundled ones).
 * Problems go to out as NAME:LINE: problem. Returns the number of problems,
 * or (size_t)-1 when user_dir cannot be read. */
size_t rs_dict_check(const char *user_dir, FILE *out);

/* ---------------------------------------------------------------- JSON output */

/* Appends s as a JSON string literal (quotes included). */
void rs_json_string(rs_buf *out, const char *s, size_t len);

/* ---------------------------------------------------------------- calendars */

/* The calendars rasad reads, all through ICU's ucal (src/calendar.c). */
typedef enum rs_calendar {
    RS_CAL_GREGORIAN = 0,     /* proleptic Gregorian */
    RS_CAL_PERSIAN,           /* Solar Hijri (Iran and Afghanistan) */
    RS_CAL_ISLAMIC_UMALQURA,  /* Hijri lunar, Umm al-Qura tables */
    RS_CAL_ISLAMIC_CIVIL      /* Hijri lunar, arithmetic (civil) */
} rs_calendar;

/* "gregorian", "persian", "islamic-umalqura", "islamic-civil". Static. */
const char *rs_calendar_name(rs_calendar cal);

/* Days are counted from 1970-01-01 (day 0); years run 1 to 9999 in the
 * calendar given, months 1 to 12. Each returns 0, or -1 when the fields are
 * not a date of that calendar (30 Esfand in a common year, 31 April). */
int rs_cal_to_days(rs_calendar cal, int y, int m, int d, int32_t *days);
int rs_cal_from_days(rs_calendar cal, int32_t days, int *y, int *m, int *d);
int rs_cal_to_gregorian(rs_calendar cal, int y, int m, int d, int *gy, int *gm, int *gd);
int rs_cal_from_gregorian(rs_calendar cal, int gy, int gm, int gd, int *y, int *m, int *d);
/* Days in month m of year y, or 0 when there is no such month. */
int rs_cal_month_length(rs_calendar cal, int y, int m);
/* ISO weekday of a day: 1 Monday ... 7 Sunday. */
int rs_days_weekday(int32_t days);
/* "YYYY-MM-DD" (anything after the tenth byte is ignored) to a day; 0 or -1. */
int rs_days_parse(const char *s, int32_t *days);
/* A day as "YYYY-MM-DD" in out; 0, or -1 (and "") outside years 1-9999. */
int rs_days_format(int32_t days, char out[11]);
/* Closes the calling thread's cached ICU calendars (optional: for leak
 * checkers and threads that end; they reopen on next use). */
void rs_cal_cleanup(void);

/* ---------------------------------------------------------------- dates */

typedef enum rs_date_precision {
    RS_DATE_NONE = 0,
    RS_DATE_DAY,   /* YYYY-MM-DD */
    RS_DATE_MONTH, /* YYYY-MM, a whole Gregorian month */
    RS_DATE_YEAR,  /* YYYY, a whole Gregorian year */
    RS_DATE_RANGE  /* YYYY-MM-DD/YYYY-MM-DD: a Solar Hijri or Hijri month or
                      year, a season, a week, or a written range */
} rs_date_precision;

/* "day", "month", "year", "range" or "". Static storage. */
const char *rs_date_precision_name(rs_date_precision p);

/* One date expression found in a text (docs/dates.md). */
typedef struct rs_date_mention {
    size_t start, end;        /* byte span [start, end) in the text */
    int32_t first, last;      /* the days it covers (rs_cal_to_days numbering) */
    rs_date_precision precision;
    char value[24];           /* the value in event-format form, NUL-terminated */
    float confidence;         /* 1 written in full; lower when inferred; 0.3 or
                                 less when a weekday contradicts the date */
    uint8_t relative;         /* resolved against the publication date */
    uint8_t calendar;         /* rs_calendar the text wrote it in */
} rs_date_mention;

/* A reusable list of mentions. Initialise with rs_dates_init, free with
 * rs_dates_free; rs_dates_find reuses its memory (and its scratch space), so
 * a loop over sentences allocates only while the list grows. */
typedef struct rs_dates {
    rs_date_mention *items;
    size_t n, cap;
    void *work; /* private scratch space */
} rs_dates;

void rs_dates_init(rs_dates *list);
void rs_dates_free(rs_dates *list);

/* Finds and resolves the date expressions in [start, end) of text (UTF-8,
 * any normalisation; offsets stay those of text) and replaces the list's
 * contents with them, in text order. pub_date is the publication date,
 * "YYYY-MM-DD"; without it (NULL or malformed) expressions that need it
 * (yesterday, a weekday, a month with no year) are left out. lang may be
 * RS_LANG_UNKNOWN. Call it per sentence or on a whole document: a relative
 * expression looks for a future verb only in its own sentence. Returns n. */
size_t rs_dates_find(const char *text, size_t start, size_t end, const char *pub_date,
                     rs_lang lang, rs_dates *list);

/* A document's running date context: the date that events with no date of
 * their own are taken to have. It starts as the publication date; each
 * sentence's mentions may move it (rs_date_context_update). */
typedef struct rs_date_context {
    rs_date_mention current; /* start == end == 0 while it is the publication date */
    int from_text;           /* 1 once a mention in the text set it */
} rs_date_context;

/* Starts a context at the publication date (precision NONE and value ""
 * when pub_date is not a date). */
void rs_date_context_init(rs_date_context *ctx, const char *pub_date);
/* Moves the context to the last mention in found that dates a single day,
 * month or range of at most a month with confidence >= 0.5; year-wide or
 * longer mentions (background: "در سال ۱۹۹۴") leave it where it is. */
void rs_date_context_update(rs_date_context *ctx, const rs_dates *found);

/* ---------------------------------------------------------------- actors */

/* The actor dictionaries, loaded and indexed (docs/dictionaries.md). */
typedef struct rs_lexicon rs_lexicon;

/* Loads the bundled dictionaries and, when user_dir is not NULL, the
 * user's *.txt files in it, whose entries win over the bundled ones.
 * Problems in the user's files are reported to errors (stderr if NULL) as
 * FILE:LINE: problem and the line is skipped. Returns NULL only when
 * user_dir cannot be read. Free with rs_lexicon_free. */
rs_lexicon *rs_lexicon_load(const char *user_dir, FILE *errors);
void rs_lexicon_free(rs_lexicon *lex);
/* How many entries (actors and role nouns) and names were loaded. */
size_t rs_lexicon_entries(const rs_lexicon *lex);
size_t rs_lexicon_names(const rs_lexicon *lex);
/* An entry's label ("Amir Khan Muttaqi") and where it was defined. Static
 * to the lexicon: valid until rs_lexicon_free. */
const char *rs_lexicon_label(const rs_lexicon *lex, int entry);
const char *rs_lexicon_origin(const rs_lexicon *lex, int entry, size_t *line);

#define RS_CODE_MAX 24

/* One actor mention. */
typedef struct rs_actor_mention {
    size_t start, end;       /* byte span [start, end) in the text */
    char code[RS_CODE_MAX];  /* AFGGOV, IGOUNO, IMGISIKHO ... */
    char root[4];            /* the code's first three letters */
    char role[4];            /* its primary role (GOV MIL ... REF) or "" */
    int entry;               /* the dictionary entry that named the actor */
    int agent;               /* the role noun composed with it, or -1 */
} rs_actor_mention;

/* A reusable list of mentions, like rs_tokens. */
typedef struct rs_actors {
    rs_actor_mention *items;
    size_t n, cap;
    rs_tokens tokens; /* scratch */
    rs_dates dates;   /* scratch */
    int bare_roles;   /* also list role nouns with no state ("gunmen"): code
                         is the role, root "" (set it after rs_actors_init) */
    /* What "این گروه", "الحركة", "the group" (a group) and "این کشور",
     * "the country" (a state) stand for, when has_antecedent[kind]: the
     * coder sets them from the sentences before. */
    rs_actor_mention antecedent[2];
    int has_antecedent[2];
} rs_actors;

enum { RS_ANTECEDENT_GROUP, RS_ANTECEDENT_STATE, RS_ANTECEDENT_KINDS };

void rs_actors_init(rs_actors *list);
void rs_actors_free(rs_actors *list);
/* Finds the actor mentions in [start, end) of text, one sentence, and
 * replaces the list's contents with them, in text order. date
 * ("YYYY-MM-DD", or NULL for the latest codes) picks each actor's code on
 * that day: the Taliban are AFGREB until 2021-08-14 and AFGGOV after.
 * Returns n. */
size_t rs_actors_find(const rs_lexicon *lex, const char *text, size_t start, size_t end,
                      rs_lang lang, const char *date, rs_actors *list);

/* Converts PETRARCH / TABARI actor and agent dictionaries (synonyms with +,
 * [CODE date-range] lines, [~ROLE] agents, !SET! substitution sets) into
 * rasad's entry format, written to out. Problems go to errors as
 * FILE:LINE: problem. Returns the number of entries written. */
size_t rs_import_petrarch(const char *path, FILE *out, FILE *errors);

/* ---------------------------------------------------------------- events */

typedef enum rs_modality {
    RS_MOD_ASSERTED = 0, /* happened or is happening */
    RS_MOD_INTENDED,     /* announced, planned, "will" */
    RS_MOD_NEGATED,      /* "did not", "لم يزر", "دیدار نکرد" */
    RS_MOD_HYPOTHETICAL, /* speculation: "may", "ربما", "ممکن است" */
    RS_MOD_CLAIMED       /* used only for rs_event.claimed's cues */
} rs_modality;

/* "asserted", "intended", "negated", "hypothetical". Static storage. */
const char *rs_modality_label(rs_modality m);

/* One side of an event: an actor mention, or absent. */
typedef struct rs_event_actor {
    int present;
    size_t start, end;      /* byte span in the document text */
    char code[RS_CODE_MAX];
    char root[4];
    char role[4];
    int entry;              /* the actor dictionary entry that named it */
    int agent;              /* the role noun composed with it, or -1 */
} rs_event_actor;

/* The code an actor is written out with: its code, or "" for a role noun
 * with no state ("gunmen", "المتظاهرون"), whose root is unknown (the
 * record format's root is the code's first three letters). Static or
 * inside a; not to be freed. */
const char *rs_actor_code_out(const rs_event_actor *a);

/* One coded event (shared/docs/event-format.md). Offsets are into the
 * document text; nothing here owns memory. */
typedef struct rs_event {
    int sent;                     /* 1-based sentence number */
    size_t span_start, span_end;  /* the evidence sentence */
    size_t trigger_start, trigger_end;
    rs_event_actor source, target;
    char cameo[5];
    char plover[12];              /* "" for CAMEO 01 and 02 */
    float goldstein;
    int quad;
    rs_modality modality;
    int claimed;                  /* reported as a claim or allegation */
    char date[24];                /* event-format value, or "" */
    rs_date_precision date_precision;
    int has_location;
    size_t place_start, place_end;
    char place_country[4];
    float lat, lon;
    int pattern;                  /* the event dictionary entry that fired */
    int passive;                  /* a passive: the source is its agent or null */
} rs_event;

/* A reusable list of events, like rs_tokens. */
typedef struct rs_events {
    rs_event *items;
    size_t n, cap;
} rs_events;

void rs_events_init(rs_events *list);
void rs_events_free(rs_events *list);

/* The coder: actor, event and place dictionaries plus scratch space. Not
 * shared between threads; make one per thread. */
typedef struct rs_coder rs_coder;

/* Loads the bundled dictionaries and, when user_dir is not NULL, the
 * user's (actors, event patterns and places alike; theirs win). Problems
 * in the user's files go to errors (stderr if NULL). Returns NULL when
 * user_dir cannot be read. Free with rs_coder_free. */
rs_coder *rs_coder_new(const char *user_dir, FILE *errors);
void rs_coder_free(rs_coder *coder);

/* Codes one document, replacing the list's contents with its events in
 * text order. lang forces a language (RS_LANG_UNKNOWN detects it). With
 * all_cameo, CAMEO 01 and 02 (statements, appeals) are kept too. Returns
 * the number of events. */
size_t rs_code_document(rs_coder *coder, const rs_doc *doc, rs_lang lang, int all_cameo, rs_events *out);

/* The language the last rs_code_document call coded in. */
rs_lang rs_coder_lang(const rs_coder *coder);

/* Appends one event as a JSON object and newline in the event format.
 * With explain, adds the pattern entry and where it is defined. */
void rs_event_json(const rs_coder *coder, const rs_doc *doc, const rs_event *e, int explain, rs_buf *out);

/* Appends one event as a TSV row (docs/events.md gives the columns). */
void rs_event_tsv(const rs_coder *coder, const rs_doc *doc, const rs_event *e, rs_buf *out);
/* The TSV header row, newline included. Static storage. */
const char *rs_event_tsv_header(void);

/* ---------------------------------------------------------------- store */

/* The event store (docs/store.md): documents, events, mentions, actors and
 * codes in SQLite (a file path) or PostgreSQL (a postgresql:// URL), one
 * schema for both. Coded events are de-duplicated into one event with
 * several mentions; re-ingesting an unchanged document changes nothing. */
typedef struct rs_store rs_store;

/* Opens a store, creating the file (SQLite) and the schema when needed.
 * target is a path, or a postgresql:// or postgres:// URL. Returns NULL
 * with a one-line reason in why when it cannot. Close with rs_store_close,
 * which commits a pending batch. */
rs_store *rs_store_open(const char *target, char *why, size_t why_size);
/* Commits what is pending and closes. Returns 0, or -1 when the last
 * commit failed (the store keeps what earlier batches committed). */
int rs_store_close(rs_store *s);
/* The last error, one line; "" when there was none. Owned by the store. */
const char *rs_store_error(const rs_store *s);
/* Documents per transaction (default 256). */
void rs_store_set_batch(rs_store *s, size_t docs);

/* 1 when the store already holds doc with the same content (text, date,
 * title, url, source, lang and salt, which names the coding options), so
 * coding it again can be skipped; 0 when it does not; -1 on error. */
int rs_store_has(rs_store *s, const rs_doc *doc, const char *salt);
/* Stores doc and its coded events (offsets into doc->text; lang is the
 * language they were coded in). An unchanged document is left alone; a
 * changed one has its old mentions, and events no one else reports,
 * replaced. Each event joins a stored event with the same key (docs/store.md)
 * as one more mention, or becomes a new event. Commits every batch.
 * Returns 0, or -1 with rs_store_error set: the current batch is rolled
 * back and the store must be closed. */
int rs_store_put(rs_store *s, const rs_doc *doc, const char *salt, rs_lang lang,
                 const rs_event *events, size_t n);
/* Commits the pending batch now. 0 or -1. */
int rs_store_commit(rs_store *s);

/* Counts of stored rows, for reports and tests. -1 on error. */
long long rs_store_count(rs_store *s, const char *table);

typedef enum rs_out_format {
    RS_OUT_TABLE = 0, /* aligned columns for people */
    RS_OUT_JSON,      /* one JSON array of objects */
    RS_OUT_CSV        /* RFC 4180, with a header row */
} rs_out_format;

/* What a query asks. Unset strings are NULL. Dates are YYYY, YYYY-MM or
 * YYYY-MM-DD and compare against an event's first day. Actor codes match
 * as prefixes: AFG is every AFG actor, AFGGOV only the government. */
typedef struct rs_query {
    const char *from, *to;
    const char *a, *b;          /* dyad */
    int directed;               /* dyad: only a -> b */
    const char *by;             /* dyad: day, week, month (default), year */
    const char *actor, *type, *cameo, *place; /* events */
    size_t limit;               /* top: rows (0 means 10) */
    int all_modalities;         /* dyad, top, network: also count intended,
                                   negated and hypothetical events (by default
                                   they count only what happened) */
    rs_out_format format;
} rs_query;

/* Each query appends its answer to out and returns 0, or -1 with
 * rs_store_error set (a bad argument or a database error). */
int rs_query_dyad(rs_store *s, const rs_query *q, rs_buf *out);
int rs_query_events(rs_store *s, const rs_query *q, rs_buf *out);
/* what: "actors", "dyads" or "places". */
int rs_query_top(rs_store *s, const char *what, const rs_query *q, rs_buf *out);
/* format: "graphml", "dot" or "json". */
int rs_query_network(rs_store *s, const rs_query *q, const char *format, rs_buf *out);
/* Every event, in "csv", "tsv" (the columns of docs/events.md) or "jsonl"
 * (the event format plus id and mentions), written to f as it goes. */
int rs_store_export(rs_store *s, const char *format, FILE *f);

#ifdef __cplusplus
}
#endif

#endif
