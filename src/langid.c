/*
 * langid.c - which language a document is in: fa, ar, en, ps or ur.
 *
 * Script decides between English and the Arabic-script languages. Within
 * Arabic script, letters that only one language uses (Pashto's ټ ډ ړ ښ ګ,
 * Urdu's ٹ ڈ ڑ ں ے) and each language's commonest function words decide.
 * Persian and Arabic share most letters and many sites type Persian with
 * Arabic ي and ك, so function words carry most of that decision. Counts are
 * over the whole document, so a mixed page takes its dominant language.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { RS_FA, RS_AR, RS_PS, RS_UR, RS_N_SCORED };

typedef struct rs_word_class {
    const char *word; /* with ی and ک, the folded spellings */
    size_t len;
    int lang;
} rs_word_class;

#define RS_W(word, lang) {word, sizeof word - 1, lang}

/* Function words, each of which is much commoner in its language than in
 * the others. Short words only: the table is probed with at most 8 bytes. */
static const rs_word_class rs_function_words[] = {
    RS_W("در", RS_FA), RS_W("به", RS_FA), RS_W("از", RS_FA), RS_W("که", RS_FA), RS_W("این", RS_FA),
    RS_W("را", RS_FA), RS_W("با", RS_FA), RS_W("است", RS_FA), RS_W("برای", RS_FA), RS_W("آن", RS_FA),
    RS_W("شد", RS_FA), RS_W("کرد", RS_FA), RS_W("بود", RS_FA), RS_W("ما", RS_FA), RS_W("یک", RS_FA),
    RS_W("خود", RS_FA), RS_W("گفت", RS_FA), RS_W("نیز", RS_FA), RS_W("اما", RS_FA),
    RS_W("في", RS_AR), RS_W("فی", RS_AR), RS_W("من", RS_AR), RS_W("على", RS_AR), RS_W("علی", RS_AR),
    RS_W("إلى", RS_AR), RS_W("الی", RS_AR), RS_W("إلی", RS_AR), RS_W("أن", RS_AR), RS_W("إن", RS_AR),
    RS_W("التی", RS_AR), RS_W("الذی", RS_AR), RS_W("عن", RS_AR), RS_W("مع", RS_AR), RS_W("هذا", RS_AR),
    RS_W("هذه", RS_AR), RS_W("قال", RS_AR), RS_W("کان", RS_AR), RS_W("وقال", RS_AR), RS_W("لم", RS_AR),
    RS_W("د", RS_PS), RS_W("په", RS_PS), RS_W("چې", RS_PS), RS_W("کې", RS_PS), RS_W("ته", RS_PS),
    RS_W("دي", RS_PS), RS_W("دی", RS_PS), RS_W("شوی", RS_PS), RS_W("وایي", RS_PS), RS_W("سره", RS_PS),
    RS_W("کے", RS_UR), RS_W("ہے", RS_UR), RS_W("میں", RS_UR), RS_W("اور", RS_UR), RS_W("سے", RS_UR),
    RS_W("کو", RS_UR), RS_W("نے", RS_UR), RS_W("کا", RS_UR), RS_W("ہیں", RS_UR), RS_W("یہ", RS_UR),
};

/* Letters only one of the scored languages writes. */
static int rs_letter_class(uint32_t c)
{
    switch (c) {
    case 0x067C: case 0x0689: case 0x0693: case 0x0696: case 0x069A: case 0x06AB:
    case 0x06BC: case 0x06D0: case 0x06CD: case 0x0681: case 0x0685:
        return RS_PS;
    case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06D2: case 0x06BE:
    case 0x06C1: case 0x06D3:
        return RS_UR;
    case 0x067E: case 0x0686: case 0x0698: case 0x06AF:
        return RS_FA;
    case 0x0629:
        return RS_AR;
    }
    return -1;
}

typedef struct rs_lang_counts {
    size_t latin, arabic_script;
    size_t letters[RS_N_SCORED];
    size_t words[RS_N_SCORED];
    size_t english_words;
} rs_lang_counts;

static int rs_is_arabic_letter(uint32_t c)
{
    return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
           (c >= 0x06FA && c <= 0x06FF);
}

/* Folds ي to ی and ك to ک so one table entry serves both spellings. */
static uint32_t rs_fold_letter(uint32_t c)
{
    return c == 0x064A ? 0x06CC : c == 0x0643 ? 0x06A9 : c;
}

/* Words of up to eight bytes packed into an integer, byte k in bits 8k
 * to 8k + 7 (a word's bytes are never 0, so the packing is unique; 0 is
 * no word): every word of every document is scored, and one integer
 * compare beats a memcmp call. rs_count packs as it reads. */
static uint64_t rs_pack_word(const char *w, size_t len)
{
    uint64_t v = 0;
    for (size_t k = 0; k < len; k++)
        v |= (uint64_t)(unsigned char)w[k] << (8 * k);
    return v;
}

/* The function words by packed value, with how often each language
 * lists it: an open-addressing set built once per thread, since a scan of
 * the list for every word of every document was most of the counting. */
#define RS_WORD_SLOTS 256
typedef struct rs_word_slot {
    uint64_t packed; /* 0 when empty */
    uint8_t count[RS_N_SCORED];
} rs_word_slot;
static _Thread_local rs_word_slot rs_word_set[RS_WORD_SLOTS];
static _Thread_local int rs_word_set_ready;

static rs_word_slot *rs_word_find(uint64_t v)
{
    size_t at = (size_t)((v * 0x9E3779B97F4A7C15ULL) >> 56);
    while (rs_word_set[at].packed && rs_word_set[at].packed != v)
        at = (at + 1) & (RS_WORD_SLOTS - 1);
    return &rs_word_set[at];
}

static void rs_build_word_set(void)
{
    for (size_t i = 0; i < sizeof rs_function_words / sizeof *rs_function_words; i++) {
        if (rs_function_words[i].len > 8)
            continue;
        rs_word_slot *slot = rs_word_find(rs_pack_word(rs_function_words[i].word, rs_function_words[i].len));
        slot->packed = rs_pack_word(rs_function_words[i].word, rs_function_words[i].len);
        slot->count[rs_function_words[i].lang]++;
    }
    rs_word_set_ready = 1;
}

static void rs_score_word(rs_lang_counts *n, uint64_t packed)
{
    if (!rs_word_set_ready)
        rs_build_word_set();
    const rs_word_slot *slot = rs_word_find(packed);
    if (!slot->packed)
        return;
    for (int k = 0; k < RS_N_SCORED; k++)
        n->words[k] += slot->count[k];
}

/* English function words, four letters at most, and packed. */
static const char *const rs_english_words[] = {"the", "of", "and", "to", "in", "said", "was", "is", "that", "for", "on", "with"};
#define RS_ENGLISH_WORDS (sizeof rs_english_words / sizeof *rs_english_words)
static _Thread_local uint64_t rs_english_packed[RS_ENGLISH_WORDS];

static void rs_score_english(rs_lang_counts *n, uint64_t packed)
{
    for (size_t i = 0; i < RS_ENGLISH_WORDS; i++)
        n->english_words += rs_english_packed[i] == packed;
}

/* What rs_count needs of each code point below U+0700 (every letter it
 * counts is there), worked out once: RS_ARABIC or RS_LATIN, and the
 * rs_letter_class plus one in the low bits; and each Arabic-script
 * letter's UTF-8 bytes after the folding of rs_fold_letter, packed. */
enum { RS_ARABIC = 0x80, RS_LATIN = 0x40, RS_CLASS_MASK = 0x07, RS_INFO_SIZE = 0x700 };
static _Thread_local uint8_t rs_info[RS_INFO_SIZE];
static _Thread_local uint16_t rs_folded_pair[RS_INFO_SIZE];
static _Thread_local int rs_info_ready;

static void rs_build_info(void)
{
    for (uint32_t c = 0; c < RS_INFO_SIZE; c++) {
        int k = rs_letter_class(c);
        rs_info[c] = (uint8_t)((rs_is_arabic_letter(c) ? RS_ARABIC : 0) |
                               ((c | 32) >= 'a' && (c | 32) <= 'z' ? RS_LATIN : 0) | (k >= 0 ? k + 1 : 0));
        uint32_t f = rs_fold_letter(c);
        rs_folded_pair[c] = (uint16_t)((0xC0 | (f >> 6)) | (0x80 | (f & 0x3F)) << 8);
    }
    for (size_t i = 0; i < RS_ENGLISH_WORDS; i++)
        rs_english_packed[i] = rs_pack_word(rs_english_words[i], strlen(rs_english_words[i]));
    rs_info_ready = 1;
}

/* The code point of a counted letter at s[*i], stepping past it; 0 for
 * anything else, stepped past whole. Every letter rs_count counts is ASCII
 * or two bytes from U+0600 to U+06FF, so those are read here directly. */
static uint32_t rs_count_step(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    if (u[0] < 0x80) {
        (*i)++;
        return u[0];
    }
    if (u[0] >= 0xD8 && u[0] <= 0xDB && *i + 1 < len && (u[1] & 0xC0) == 0x80) {
        *i += 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    rs_utf8_step(s, len, i);
    return 0;
}

/* Scores the word that just ended: packed, of wlen bytes (0 for none, or
 * when it ran past eight). */
static void rs_score_any(rs_lang_counts *n, uint64_t packed, size_t wlen, int latin_word)
{
    if (wlen > 0 && !latin_word)
        rs_score_word(n, packed);
    else if (wlen > 0 && wlen <= 4)
        rs_score_english(n, packed);
}

/* Counts letters and function words in one stretch of text. */
static void rs_count(rs_lang_counts *n, const char *s, size_t len)
{
    if (!rs_info_ready)
        rs_build_info();
    uint64_t packed = 0;
    size_t wlen = 0, i = 0; /* wlen past 8: too long to be a function word */
    int latin_word = 0;
    while (i < len) {
        uint32_t c = rs_count_step(s, len, &i);
        unsigned info = rs_info[c];
        if (info & RS_LATIN) {
            n->latin++;
            latin_word = 1;
            if (wlen < 8)
                packed |= (uint64_t)(c | 32) << (8 * wlen);
            wlen++;
            continue;
        }
        if (info & RS_ARABIC) {
            n->arabic_script++;
            if (info & RS_CLASS_MASK)
                n->letters[(info & RS_CLASS_MASK) - 1]++;
            latin_word = 0;
            if (wlen + 2 <= 8)
                packed |= (uint64_t)rs_folded_pair[c] << (8 * wlen);
            wlen += 2;
            continue;
        }
        rs_score_any(n, packed, wlen <= 8 ? wlen : 0, latin_word);
        packed = 0;
        wlen = 0;
    }
    rs_score_any(n, packed, wlen <= 8 ? wlen : 0, latin_word);
}

/* Large documents are sampled: 64 evenly spaced 4 KB windows say as much
 * about the dominant language as the whole text. */
static void rs_count_document(rs_lang_counts *n, const char *s, size_t len)
{
    const size_t window = 4096, windows = 64;
    if (len <= window * windows * 4) {
        rs_count(n, s, len);
        return;
    }
    size_t step = len / windows;
    for (size_t k = 0; k < windows; k++) {
        size_t at = k * step;
        while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
            at++;
        size_t end = at + window < len ? at + window : len;
        rs_count(n, s + at, end - at);
    }
}

static rs_lang rs_decide(const rs_lang_counts *n)
{
    if (n->latin == 0 && n->arabic_script == 0)
        return RS_LANG_UNKNOWN;
    if (n->latin > n->arabic_script)
        return RS_LANG_EN;
    double total = (double)n->arabic_script;
    double score[RS_N_SCORED];
    for (int k = 0; k < RS_N_SCORED; k++)
        score[k] = (double)n->words[k] * 4.0 + (double)n->letters[k];
    /* A few Pashto or Urdu letters turn up in Persian names; they decide
     * only when they are a real share of the text. */
    if (n->letters[RS_PS] > total * 0.01 && score[RS_PS] > score[RS_UR] && score[RS_PS] > score[RS_FA] * 0.5)
        return RS_LANG_PS;
    if (n->letters[RS_UR] > total * 0.01 && score[RS_UR] > score[RS_PS] && score[RS_UR] > score[RS_FA] * 0.5)
        return RS_LANG_UR;
    return score[RS_AR] > score[RS_FA] ? RS_LANG_AR : RS_LANG_FA;
}

rs_lang rs_langid(const char *text, size_t len)
{
    rs_lang_counts n;
    memset(&n, 0, sizeof n);
    rs_count_document(&n, text, len);
    return rs_decide(&n);
}

static const char *const rs_lang_codes[] = {"und", "fa", "ar", "en", "ps", "ur"};

const char *rs_lang_code(rs_lang lang)
{
    return (unsigned)lang < sizeof rs_lang_codes / sizeof *rs_lang_codes ? rs_lang_codes[lang] : "und";
}

rs_lang rs_lang_from_code(const char *code)
{
    for (size_t i = 1; code && i < sizeof rs_lang_codes / sizeof *rs_lang_codes; i++)
        if (strcmp(code, rs_lang_codes[i]) == 0)
            return (rs_lang)i;
    return RS_LANG_UNKNOWN;
}
