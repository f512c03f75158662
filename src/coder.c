/*
 * coder.c - events: who did what to whom, when and where.
 *
 * Per sentence: the actors (actors.c) and date expressions (dates.c) are
 * found first; then triggers from the event dictionaries (dict/events/),
 * walked like actor names but with two special edges, a Persian light verb
 * in any form and any one word. Each trigger takes its source and target
 * from the actors of its own clause, by the language's word order and the
 * prepositions that carry roles, its modality from cues before it, its
 * date from the nearest date expression (or the document's running date)
 * and its place from a locative phrase. No parser: clauses are cut at
 * punctuation, complementisers and speech verbs, which is what reported
 * speech and dropped subjects need.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Longest pattern, in tokens, and how many words may stand between a
 * Persian noun and its light verb ("حمایت خود را از ... اعلام کرد"). */
#define RS_MAX_PATTERN 10
#define RS_LIGHT_GAP 12

struct rs_coder {
    rs_lexicon *actors, *events, *places;
    rs_actors found;
    rs_dates dates;
    rs_lang lang;
    const char *text; /* the document being coded */
    /* per-sentence scratch, grown as needed */
    struct rs_trigger *triggers;
    size_t n_triggers, cap_triggers;
    struct rs_cue *cues;
    size_t n_cues, cap_cues;
    struct rs_slot *slots;
    size_t n_slots, cap_slots;
    int *clause; /* clause number of each token */
    size_t cap_clause;
    struct rs_readings *readings; /* each token's light-verb readings, found once per sentence */
    size_t cap_readings;
    /* the subject that carries over to a clause that drops it */
    rs_event_actor carry;
    /* the last two parties named, for "the two sides" */
    rs_event_actor parties[2];
    /* the last group and state named, for "این گروه", "الحركة", "the
     * group", "این کشور" (RS_ANTECEDENT_GROUP, RS_ANTECEDENT_STATE) */
    rs_actor_mention antecedent[RS_ANTECEDENT_KINDS];
    int antecedent_sent[RS_ANTECEDENT_KINDS], has_antecedent[RS_ANTECEDENT_KINDS];
    /* the two sides of the last meeting reported, and its sentence */
    rs_event_actor meeting[2];
    int meeting_sent;
    int carry_sent;
    /* what marks the sentence as an incident report (rs_incident_evidence) */
    int incident_points;
    int incident_triggers[2];
};

/* A trigger found in the sentence. */
typedef struct rs_trigger {
    size_t first, last; /* token indices, inclusive */
    size_t noun_last;   /* a light verb's noun ends here; its verb starts at verb_first */
    size_t verb_first;
    int entry;
    uint8_t negated, future, light, passive_verb;
    uint8_t words; /* literal words matched (twice), wildcards once: ties go to the more specific */
    uint8_t embedded; /* a noun inside another event's clause (rs_is_embedded) */
} rs_trigger;

/* A modality cue (dict/events/modality.txt). */
typedef struct rs_cue {
    size_t first, last;
    int modality;
} rs_cue;

/* An actor mention placed among the tokens, with what marks its role. */
typedef struct rs_slot {
    size_t first, last; /* token indices */
    int actor;          /* index into found.items */
    const char *marker; /* the preposition before it (normalised), or "" */
    int object;         /* Persian: followed by را */
    int locative;       /* a place after در / في / in: not a party */
    int pronoun;        /* a pronoun standing for the subject */
    int claimed;        /* taken by a nominal event's own phrase */
    int bare;           /* a role noun with no state ("gunmen"): root unknown */
    int hidden;         /* left out of the current trigger's roles */
    int merged;         /* a bare role noun that belongs to the next actor */
    int pair;           /* "the two sides", "الجانبان": the last two parties */
    int from_side;      /* after "از طرف", "از سوی": toward that side, unless a passive's agent */
} rs_slot;

/* The coder's word lists, each with its bit in the masks of
 * rs_word_set: RS_LIST(name) is the bit, known when compiling, so that
 * asking whether a token is in a list is one AND. */
#define RS_WORD_LISTS(X) X(rs_clause_words) X(rs_arabic_complementisers) X(rs_speech_words) \
    X(rs_speech_nouns) X(rs_speech_light_verbs) X(rs_target_markers) X(rs_locative_markers) \
    X(rs_agent_markers) X(rs_agent_heads) X(rs_pronouns) X(rs_first_person_fa) X(rs_reciprocal_words) \
    X(rs_mission_words) X(rs_host_markers) X(rs_conjunctions) X(rs_be_words) X(rs_agent_openers) \
    X(rs_from_words) X(rs_passive_breakers) X(rs_destination_markers) X(rs_place_heads) \
    X(rs_obligation_words) X(rs_quote_marks) X(rs_stops) X(rs_during) X(rs_determiners) \
    X(rs_arabic_may_words) X(rs_arabic_victim_verbs) X(rs_complementisers) X(rs_demonstratives) \
    X(rs_count_words) X(rs_attribution_words) X(rs_relative_words) X(rs_reference_heads) \
    X(rs_imperfect_prefixes) X(rs_report_openers_ar) X(rs_masdar_heads_ar) X(rs_many_words_ar) \
    X(rs_toll_heads_ar) X(rs_people_nouns_ar) X(rs_disaster_words_ar) X(rs_accident_heads_ar) \
    X(rs_traffic_words_ar) X(rs_dateline_marks) X(rs_member_of) X(rs_definite) X(rs_reference_frames) \
    X(rs_reference_frames_fa) X(rs_inner_punct) X(rs_between_words) X(rs_pair_words) X(rs_pair_heads) \
    X(rs_two_words) X(rs_carrier_verbs_ar) X(rs_place_nouns_ar) X(rs_carrier_masdars_ar)
enum {
#define RS_LIST_INDEX(name) name##_index,
    RS_WORD_LISTS(RS_LIST_INDEX)
#undef RS_LIST_INDEX
    RS_WORD_LIST_COUNT
};
_Static_assert(RS_WORD_LIST_COUNT <= 64, "a list's bit must fit in uint64_t");
#define RS_LIST(name) ((uint64_t)1 << name##_index)

static uint64_t rs_word_mask(const char *w, size_t n);
static uint64_t rs_word_mask_hashed(const char *w, size_t n, uint64_t hash);

/* Whether w is in one of the word lists whose RS_LIST bits are in list:
 * one hash lookup, since the coder asks for every token of every
 * sentence. */
static int rs_is(const char *w, size_t n, uint64_t list)
{
    return (rs_word_mask(w, n) & list) != 0;
}

static const char *rs_norm(const rs_tokens *t, size_t i)
{
    return t->pool.data + t->items[i].norm_off;
}

static const char *rs_stem(const rs_tokens *t, size_t i)
{
    return t->pool.data + t->items[i].stem_off;
}

/* The word lists each token of the sentence being coded is in (its form
 * or its stem, and its form alone), found once per sentence by
 * rs_mark_token_lists: the coder asks about every token many times. Per
 * thread, like the coder. */
static _Thread_local const rs_tokens *rs_marked_tokens;
static _Thread_local uint64_t *rs_token_lists, *rs_norm_lists;
static _Thread_local size_t rs_token_lists_cap;

static void rs_mark_token_lists(const rs_tokens *t);

/* Tokens of another list are marked on the first question about them:
 * the test of a marked token is then small enough to inline. */
static int rs_tok_is(const rs_tokens *t, size_t i, uint64_t list)
{
    if (i >= t->n)
        return 0;
    if (t != rs_marked_tokens)
        rs_mark_token_lists(t);
    return (rs_token_lists[i] & list) != 0;
}

/* Whether token i's normalised form, not its stem, is in list. */
static int rs_norm_is(const rs_tokens *t, size_t i, uint64_t list)
{
    if (t == rs_marked_tokens)
        return (rs_norm_lists[i] & list) != 0;
    return (rs_word_mask_hashed(rs_norm(t, i), t->items[i].norm_len, t->items[i].norm_hash) & list) != 0;
}

static void rs_mark_token_lists(const rs_tokens *t)
{
    rs_marked_tokens = NULL;
    if (t->n + 1 > rs_token_lists_cap) {
        free(rs_token_lists);
        rs_token_lists_cap = 2 * (t->n + 1);
        rs_token_lists = malloc(2 * rs_token_lists_cap * sizeof *rs_token_lists);
        if (!rs_token_lists)
            abort();
        rs_norm_lists = rs_token_lists + rs_token_lists_cap;
    }
    for (size_t i = 0; i < t->n; i++) {
        const rs_token *tok = &t->items[i];
        rs_norm_lists[i] = rs_word_mask_hashed(rs_norm(t, i), tok->norm_len, tok->norm_hash);
        /* Most stems are the word itself (the same bytes of the pool). */
        rs_token_lists[i] = rs_norm_lists[i] | (tok->stem_off == tok->norm_off
                                                    ? 0
                                                    : rs_word_mask_hashed(rs_stem(t, i), tok->stem_len, tok->stem_hash));
    }
    rs_marked_tokens = t;
}

/* ------------------------------------------------------------ word lists */

/* Words that end a clause: a trigger takes its actors from its own clause. */
static const char *const rs_clause_words[] = {
    "که", "انکه", "اینکه", "اما", "ولی", "زیرا", "چون", "تا",
    "لکن", "بینما", "مما", "حیث", "الذی", "التی", "الذین", "بعدما", "لان", "عندما", "حینما", "حین",
    "that", "but", "while", "whereas", "because", "who", "which", "after", "before", "when", NULL,
};

/* Arabic أن، إنه، إنها: in Persian the same letters are آن "that, it" and
 * آنها "they", which open no clause ("سفیر آن کشور در کابل"). */
static const char *const rs_arabic_complementisers[] = {"ان", "انه", "انها", NULL};

/* Speech verbs: the speaker's clause ends with them ("the spokesman said
 * A met B"), so the speaker is a source only when a trigger is theirs. */
static const char *const rs_speech_words[] = {
    "گفت", "گفته", "افزود", "میگوید", "گفتند", "نوشت", "افزوده", "نوشته",
    "قال", "قالت", "اضاف", "اضافت", "یقول", "تقول", "صرح", "اکد", "اکدت", "اعلن", "اعلنت", "ذکر", "ذکرت",
    "said", "says", "told", "added", "stated", "noted", NULL,
};

/* Prepositions that mark a target, per script: with, to, against, on. */
/* Persian speech is often a noun and a light verb: "اعلام کرد", "تاکید کرد". */
static const char *const rs_speech_nouns[] = {"اعلام", "تاکید", "اظهار", "عنوان", "تصریح", "خاطرنشان", NULL};
static const char *const rs_speech_light_verbs[] = {"کرد", "کرده", "کردند", "نمود", "داشت", NULL};

static const char *const rs_target_markers[] = {
    "با", "به", "از", "علیه", "برای", "بر", "نزد", "بهسوی",
    "مع", "الی", "علی", "ضد", "لدی", "عن", "من",
    "with", "to", "against", "on", "for", "toward", "towards", "into", "upon", NULL,
};

static const char *const rs_locative_markers[] = {"در", "فی", "in", "at", "inside", "near", NULL};

static const char *const rs_agent_markers[] = {"توسط", "by", NULL};

/* Multi-word agent markers: از سوی، از طرف، من قبل، على يد. */
static const char *const rs_agent_heads[] = {"سوی", "طرف", "جانب", "قبل", "ید", "ناحیه", NULL};

static const char *const rs_pronouns[] = {
    "او", "وی", "ایشان", "انها", "انها", "انان", "هو", "هی", "هم",
    "he", "she", "it", "they", NULL,
};

/* A diplomatic mission and its head: "سفارت آذربایجان در کابل", "its
 * embassy in Tehran", "سفیر آن کشور در کابل", "حضور دیپلماتیک در مسکو". */
static const char *const rs_mission_words[] = {
    "سفارت", "سفارتش", "سفارتخانه", "کنسولگری", "سفیر", "سفاره", "سفارتها", "قنصلیه", "دیپلماتیک",
    "embassy", "consulate", "ambassador", "diplomatic", NULL,
};
/* Where a mission is: در، في، لدى، in, to. */
static const char *const rs_host_markers[] = {"در", "فی", "لدی", "in", "to", NULL};

/* Persian "we" and "I": in a quote, the speaker ("ما خواهان روابط خوب با
 * ایران هستیم"). Arabic writes ما and من for "what" and "from", so these
 * are read in Persian only. */
static const char *const rs_first_person_fa[] = {"ما", "من", NULL};

static const char *const rs_reciprocal_words[] = {
    "یکدیگر", "همدیگر", "متقابل", "بعضهما", "بعضهم", "تبادل", "تبادلا", "المتبادله", "other", "traded", "exchanged", NULL,
};

static const char *const rs_conjunctions[] = {"و", "and", "&", ",", "،", "همچنین", NULL};

/* With Arabic كان، كانت، كانوا, whose و the stemmer takes for وك: "وكان
 * الإقليم قد تعرض" (rs_arabic_may). */
static const char *const rs_be_words[] = {"was", "were", "is", "are", "been", "being", "be", "کان", "کانت", "کانوا", "وکان", "وکانت", "وکانوا", NULL};

static const char *const rs_agent_openers[] = {"من", "علی", "علی", NULL};
static const char *const rs_from_words[] = {"از", NULL};
static const char *const rs_passive_breakers[] = {"and", "has", "have", NULL};
static const char *const rs_destination_markers[] = {"به", "الی", "to", NULL};
static const char *const rs_place_heads[] = {"the", "شهر", "ولایت", "مدینه", "العاصمه", "پایتخت", NULL};
/* Arabic nouns of places that place an incident with no name after them
 * ("في موقف السيارات", "في سوق شعبي"; rs_told_incident). Not heads of
 * names (rs_place_heads): Persian shares منطقه, and "در منطقه قره‌باغ"
 * is more often the setting of a conflict than of one incident. */
static const char *const rs_place_nouns_ar[] = {"قریه", "منطقه", "سوق", "موقف", "حاجز", "حی", "شارع", "محافظه", "ناحیه", "مخیم", "بلده", "مدینه", NULL};

/* The first word of a "must" entry (dict: "demand of another party"). */
static const char *const rs_obligation_words[] = {"باید", "نباید", "یجب", "ینبغی", "یتعین", "must", "should", "has", "have", NULL};
static const char *const rs_quote_marks[] = {"\"", "«", "»", "“", "”", NULL};
static const char *const rs_stops[] = {".", "!", "?", "؟", ";", "؛", ":", "«", "»", "\"", "(", ")", "،", ",", "-", "–", "—", NULL};
static const char *const rs_between_words[] = {"میان", "بین", "مابین", "بینها", "between", "among", NULL};
/* "الجانبان", "طرفین"; and "دو طرف", "the two sides", "both countries". */
static const char *const rs_pair_words[] = {"الجانبان", "الجانبین", "الطرفان", "الطرفین", "البلدان", "البلدین", "طرفین", NULL};
static const char *const rs_pair_heads[] = {"طرف", "کشور", "side", "sides", "country", "countries", NULL};
static const char *const rs_two_words[] = {"دو", "two", "both", NULL};
static const char *const rs_inner_punct[] = {",", "،", "(", ")", NULL};
/* What follows a dateline's place: "كابول - ", "Kabul (AFP) -". */
static const char *const rs_dateline_marks[] = {"-", "–", "—", "(", NULL};
/* "gunmen from ISIS", "مسلحون من داعش", "افرادی از طالبان". */
static const char *const rs_member_of[] = {"من", "از", "from", "of", NULL};
/* "در تماس تلفنی", "با استقبال از", "خلال لقاء", "during talks": an event noun
 * the clause's subject took part in. */
static const char *const rs_during[] = {"در", "طی", "ضمن", "با", "فی", "خلال", "in", "during", NULL};
static const char *const rs_determiners[] = {"the", "a", "an", "its", "their", "his", "her", "this", "that",
    "these", "those", "any", "new", "latest", "recent", NULL};
static const char *const rs_definite[] = {"the", "this", "that", "these", "those", NULL};
/* Arabic words before an event noun that make it a topic, a charge, a plan
 * or a memory rather than a report: "على اغتيال", "حول هجوم", "مثل تفجير",
 * "ذكرى تفجير", "جريمة اغتيال", "تهم قتل", "محاولة اغتيال", "فيلم". */
static const char *const rs_reference_frames[] = {
    "علی", "عن", "حول", "مثل", "ذکری", "جریمه", "تهم", "تهمه", "بتهمه", "فیلم", "محاوله", "خطه", "خطط",
    "امکانیه", "لتدبیر", "تدبیر", "قضیه", "ملف", "الی",
    /* "قصد قتل آخرين": the aim of an act. */
    "قصد",
    /* "اثر مقتل جنديين", "غداة هجوم", "عقب اغتيال": the occasion of the
     * news, reported before. */
    "اثر", "غداه", "عقب", "اعقاب", "جراء", "منذ", "قبل", NULL,
};
/* The same for Persian: "به‌اتهام طراحی و تلاش برای حمله", "سالگرد انفجار". */
static const char *const rs_reference_frames_fa[] = {
    "اتهام", "بهاتهام", "طراحی", "تلاش", "برای", "سالگرد", "پرونده", "فیلم", "توطیه", "نقشه", "احتمال",
    /* "اقدامات خود در جهت تخریب روابط": an aim, not an act. */
    "جهت", NULL,
};
static const char *const rs_arabic_may_words[] = {"قد", NULL};
/* Arabic verbs of harm whose passive news writes without vowels. */
static const char *const rs_arabic_victim_verbs[] = {
    "قتل", "جرح", "اصیب", "اعتقل", "خطف", "اختطف", "اسر", "اعدم", "احتجز", NULL,
};
/* "نمی‌خواهد که ... انتقاد کند", "لا يريد أن": a cue right before one of
 * these governs the clause it opens. */
static const char *const rs_complementisers[] = {"که", "ان", "that", NULL};
/* "در این دیدار ... اعلام کرد": a noun after a preposition and a
 * demonstrative is a phrase of its own (rs_after_determiner). */
static const char *const rs_demonstratives[] = {"این", "ان", "همین", "همان", NULL};
/* Counts written as words: "قتل خمسة", "سه نفر", "two soldiers". Digits are
 * number tokens already. */
static const char *const rs_count_words[] = {
    "یک", "چند", "تعدادی", "شماری", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "دهها", "صدها", "تن", "نفر",
    "اثنین", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانیه", "تسعه", "عشره", "عشرات", "میات", "الاف", "الوف", "میتی", "الفی", "شخصا", "شخصین",
    /* The feminine and tens forms, also as the stems of خمسين، سبعين: "خمس قذائف". */
    "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمانی", "تسع", "عشرین", "ثلاثین", "اربعین", "ستین", "ثمانین", "تسعین", "میه", "مایه", "الف",
    "هزاران", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "scores", "hundreds",
    "thousands", "tens", NULL,
};
/* Who a report comes from, besides speech verbs: "according to police",
 * "بحسب مصادر امنية", "به گزارش منابع محلی". */
static const char *const rs_attribution_words[] = {
    "گزارش", "منابع", "منبع", "شاهدان", "پلیس",
    "حسب", "بحسب", "وفقا", "مصدر", "مصادر", "شهود", "افاد", "افادت", "الشرطه",
    "according", "reported", "sources", "witnesses", "police", "officials", NULL,
};
/* "الهجوم الذي استهدف السفارة": a relative clause tells what the noun
 * before it did, which the story reports elsewhere or earlier. */
static const char *const rs_relative_words[] = {"الذی", "التی", "الذین", "اللذین", "اللتین", "اللذان", "اللتان",
    /* with و, whose stem loses ال too (ذی): "والذي أسفر عن مقتل" */
    "والذی", "والتی", "والذین", NULL};
/* Arabic nouns and participles whose complement is an act they are about,
 * through في or ب: "التحقيق في اغتيال", "تورطه في تفجير", "المتهم بقتل",
 * "الوثائق المتعلقة باغتيال". The act is the topic of the news, reported
 * earlier, not reported here. */
static const char *const rs_reference_heads[] = {
    "تحقیق", "تحقیقات", "التحقیق", "التحقیقات", "یحقق", "تحقق", "تورط", "تورطه", "تورطها", "تورطهم", "بالتورط",
    "ضلوع", "ضلوعه", "ضلوعهم", "بالضلوع", "متهم", "المتهم", "متهمین", "المتهمین", "متهمون", "المتهمون", "متهمه",
    "المتهمه", "اتهم", "اتهمت", "اتهموا", "یتهم", "تتهم", "اتهامه", "اتهامها", "اتهامهم", "مشتبه", "المشتبه",
    "للاشتباه", "مدان", "المدان", "المدانین", "ادین", "متعلقه", "المتعلقه", "المتعلق", "یتعلق", "تتعلق", NULL,
};
static const char *const rs_imperfect_prefixes[] = {"ی", "ت", NULL};
/* What opens reported speech besides a speech verb ("أفاد بأن", "قال:
 * «"), and بعد, after which the news often first reports the act that
 * occasioned it ("أغلقت المعبر بعد تبادل لإطلاق النار"). */
static const char *const rs_report_openers_ar[] = {":", "«", "بان", "بانه", "بانها", "بعد", NULL};
/* Deaths with no attacker: "لقي 30 شخصا حتفهم في زلزال", "قتل خمسة في
 * حادث سير". */
static const char *const rs_disaster_words_ar[] = {
    "زلزال", "زلازل", "تسونامی", "فیضان", "فیضانات", "سیول", "اعصار", "اعاصیر", "عاصفه", "تدافع", "غرق", NULL,
};
static const char *const rs_accident_heads_ar[] = {"حادث", "حوادث", "حادثه", NULL};
static const char *const rs_traffic_words_ar[] = {"سیر", "مرور", "طریق", NULL};
/* Arabic counts too large for one incident: "عشرات الهجمات", "مئات الغارات". */
static const char *const rs_many_words_ar[] = {"عشرات", "میات", "الاف", "الوف", NULL};
/* The heads of a running toll: "ارتفع عدد القتلى إلى 25". */
static const char *const rs_toll_heads_ar[] = {"عدد", "اعداد", "حصیله", NULL};
/* People, not acts: a count before them is a toll ("68 قتيلا") or the size
 * of a crowd ("آلاف المتظاهرين"). */
static const char *const rs_people_nouns_ar[] = {
    "قتیل", "قتیلا", "قتلی", "جریح", "جریحا", "جرحی", "ضحایا", "ضحیه", "شهید", "شهیدا", "شهداء", "مصاب", "مصابا",
    "متظاهر", "متظاهرا", "محتج", "معتصم", "مضرب", NULL,
};
/* Arabic words a masdar follows and a finite verb does not: prepositions
 * ("تمكنا من قتل", "بسبب خطف") and nouns of kind ("عمليات قتل", "حملة
 * خطف", "حادثة خطف", "قصد قتل"). "قتل" after them is a noun. */
static const char *const rs_masdar_heads_ar[] = {
    "من", "فی", "عن", "الی", "علی", "بین", "حول", "وراء", "بسبب", "ضد", "خلال", "عبر", "دون",
    "عملیه", "عملیات", "عملی", "حمله", "حملات", "حادثه", "حوادث", "نوع", "قصد", "اعمال", "موجه", "سلسله", NULL,
};

/* Past verbs that carry an Arabic attack named by a noun in their clause:
 * "أطلقت طائرة صواريخ على", "شنوا هجوما", "قامت الطائرة بإطلاق صاروخ". */
static const char *const rs_carrier_verbs_ar[] = {
    "اطلق", "اطلقت", "اطلقوا", "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "فتح", "فتحت", "فتحوا",
    "القت", "القوا", "قام", "قامت", "قاموا", NULL,
};
/* Their masdars, which a reference frame governs the attack through
 * (rs_arabic_framed_carrier). */
static const char *const rs_carrier_masdars_ar[] = {"تنفیذ", "شن", "ارتکاب", NULL};

/* Every list above, in the order of RS_WORD_LISTS. */
static const char *const *const rs_word_lists[] = {
#define RS_LIST_ENTRY(name) name,
    RS_WORD_LISTS(RS_LIST_ENTRY)
#undef RS_LIST_ENTRY
};

_Static_assert(sizeof rs_word_lists / sizeof *rs_word_lists == RS_WORD_LIST_COUNT, "one entry per list");

/* Which lists each word is in: an open-addressing set over every word of
 * every list, built once. */
#define RS_WORD_SLOTS 2048
static struct {
    const char *word;
    uint32_t len;
    uint64_t lists;
} rs_word_set[RS_WORD_SLOTS];
/* Each slot's word's hash bits above the slot's, with the low bit set; 0
 * when the slot is empty. Apart from the words: most words asked for are
 * in no list, and their probes read only this small array. */
static uint32_t rs_word_tags[RS_WORD_SLOTS];
static pthread_once_t rs_word_set_once = PTHREAD_ONCE_INIT;

static uint32_t rs_word_tag(uint64_t hash)
{
    return (uint32_t)(hash >> 32) | 1u;
}

static size_t rs_word_slot(const char *w, size_t n, uint64_t hash)
{
    size_t at = hash & (RS_WORD_SLOTS - 1);
    uint32_t tag = rs_word_tag(hash);
    while (rs_word_tags[at] &&
           !(rs_word_tags[at] == tag && rs_word_set[at].len == n && rs_same_bytes(rs_word_set[at].word, w, n)))
        at = (at + 1) & (RS_WORD_SLOTS - 1);
    return at;
}

static void rs_build_word_set(void)
{
    for (size_t l = 0; l < sizeof rs_word_lists / sizeof *rs_word_lists; l++)
        for (const char *const *w = rs_word_lists[l]; *w; w++) {
            uint64_t hash = rs_word_hash(*w, strlen(*w));
            size_t at = rs_word_slot(*w, strlen(*w), hash);
            rs_word_set[at].word = *w;
            rs_word_set[at].len = (uint32_t)strlen(*w);
            rs_word_tags[at] = rs_word_tag(hash);
            rs_word_set[at].lists |= (uint64_t)1 << l;
        }
}

/* The set is built by rs_coder_new: every caller codes with a coder. */
static uint64_t rs_word_mask(const char *w, size_t n)
{
    return rs_word_set[rs_word_slot(w, n, rs_word_hash(w, n))].lists;
}

static uint64_t rs_word_mask_hashed(const char *w, size_t n, uint64_t hash)
{
    return rs_word_set[rs_word_slot(w, n, hash)].lists;
}

/* The lists are compared with normalised tokens, so they must be written
 * in the normalised form (Persian ی and ک, no hamza on alef, ه for ة).
 * Reports each word that is not; the unit tests call it. */
size_t rs_coder_check_words(FILE *out)
{
    size_t bad = 0;
    for (size_t l = 0; l < sizeof rs_word_lists / sizeof *rs_word_lists; l++)
        for (const char *const *w = rs_word_lists[l]; *w; w++) {
            char *norm = rs_normalize_dup(*w, strlen(*w));
            if (strcmp(norm, *w) != 0 && (*w)[0] != '"') {
                fprintf(out, "coder word list %zu: '%s' normalises to '%s'\n", l, *w, norm);
                bad++;
            }
            free(norm);
        }
    return bad;
}

/* ------------------------------------------------------------ setup */

rs_coder *rs_coder_new(const char *user_dir, FILE *errors)
{
    rs_lexicon *actors = rs_lexicon_load(user_dir, errors);
    if (!actors)
        return NULL;
    rs_coder *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->actors = actors;
    pthread_once(&rs_word_set_once, rs_build_word_set);
    c->events = rs_lexicon_load_set(RS_SET_EVENTS);
    c->places = rs_lexicon_load_set(RS_SET_PLACES);
    rs_actors_init(&c->found);
    c->found.bare_roles = 1;
    rs_dates_init(&c->dates);
    return c;
}

void rs_coder_free(rs_coder *c)
{
    if (!c)
        return;
    rs_lexicon_free(c->actors);
    rs_lexicon_free(c->events);
    rs_lexicon_free(c->places);
    rs_actors_free(&c->found);
    rs_dates_free(&c->dates);
    free(c->triggers);
    free(c->cues);
    free(c->slots);
    free(c->clause);
    free(c->readings);
    free(c);
}

rs_lang rs_coder_lang(const rs_coder *c)
{
    return c->lang;
}

void rs_events_init(rs_events *list)
{
    memset(list, 0, sizeof *list);
}

void rs_events_free(rs_events *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}

const char *rs_modality_label(rs_modality m)
{
    return m == RS_MOD_CLAIMED ? "asserted" : rs_modality_name((int)m);
}

/* ------------------------------------------------------------ triggers */

/* The best pattern that starts at one token. */
typedef struct rs_scan {
    const rs_lexicon *lex;
    const rs_tokens *t;
    const struct rs_readings *readings; /* per token */
    rs_lang lang;
    rs_trigger best_event;
    rs_cue best_cue;
    size_t stop; /* patterns end before this token */
} rs_scan;

/* Pattern languages: Dari and Iranian Persian share fa; Pashto and Urdu
 * news is read with the Persian and Arabic-script patterns of fa. */
static int rs_pattern_lang_fits(int pattern_lang, rs_lang doc_lang)
{
    if (doc_lang == RS_LANG_PS || doc_lang == RS_LANG_UR)
        return pattern_lang == RS_LANG_FA;
    return doc_lang == RS_LANG_UNKNOWN || pattern_lang == (int)doc_lang;
}

static void rs_scan_record(rs_scan *s, uint32_t node, size_t first, size_t last, const rs_trigger *how)
{
    uint32_t cursor = 0;
    int e;
    while ((e = rs_lexicon_payload(s->lex, node, &cursor)) >= 0) {
        if (!rs_pattern_lang_fits(rs_lexicon_payload_lang(s->lex, cursor), s->lang))
            continue;
        if (rs_lexicon_cameo(s->lex, e)[0]) {
            if (s->best_event.entry < 0 || last > s->best_event.last ||
                (last == s->best_event.last && how->words > s->best_event.words)) {
                s->best_event = *how;
                s->best_event.first = first;
                s->best_event.last = last;
                s->best_event.entry = e;
            }
        } else if (rs_lexicon_modality(s->lex, e) && (s->best_cue.modality == 0 || last > s->best_cue.last)) {
            s->best_cue.first = first;
            s->best_cue.last = last;
            s->best_cue.modality = rs_lexicon_modality(s->lex, e);
        }
    }
}

static int rs_is_boundary_punct(const rs_tokens *t, size_t i)
{
    return t->items[i].kind == RS_TOKEN_PUNCT && rs_norm_is(t, i, RS_LIST(rs_stops));
}

typedef struct rs_reading {
    int verb;
    uint8_t negated, aux, stem;
} rs_reading;

typedef struct rs_readings {
    rs_reading r[8];
    size_t n;
    /* The first token from this one on where rs_scan_light's search for a
     * light verb stops: a boundary mark or a word with readings. The
     * search is made from every pattern prefix, and most words between
     * are neither. */
    size_t light_stop;
} rs_readings;

static void rs_collect_reading(void *ctx, int verb, int negated, int aux, int stem)
{
    rs_readings *rs = ctx;
    if (rs->n < sizeof rs->r / sizeof *rs->r)
        rs->r[rs->n++] = (rs_reading){verb, (uint8_t)negated, (uint8_t)aux, (uint8_t)stem};
}

static void rs_scan_from(rs_scan *s, uint32_t node, size_t first, size_t i, size_t depth, rs_trigger how);

/* Whether را stands in [from, to): the noun before it is the object of
 * what follows ("حمایت خود را از ... اعلام کرد"). */
static int rs_object_between(const rs_tokens *t, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (strcmp(rs_norm(t, k), "را") == 0)
            return 1;
    return 0;
}

/* Whether the word just before a light verb makes an event with it
 * itself ("حمله را محکوم کرد": کرد is محکوم's, not حمله's). Statement
 * nouns (اعلام، ابراز) do not count when the event noun is their object:
 * "حمایت خود را ... اعلام کرد" is support, but in "با استقبال از ... بر
 * همکاری تأکید کرد" the تأکید کرد is a statement of its own. */
static int rs_verb_has_closer_noun(const rs_scan *s, size_t noun, const char *key, size_t len, uint64_t key_hash,
                                   int object_between)
{
    const rs_tokens *t = s->t;
    uint32_t node = rs_lexicon_step_hashed(s->lex, 0, rs_norm(t, noun), t->items[noun].norm_len,
                                           t->items[noun].norm_hash);
    if (node != RS_NO_NODE)
        node = rs_lexicon_step_hashed(s->lex, node, key, len, key_hash);
    if (node == RS_NO_NODE)
        return 0;
    uint32_t cursor = 0;
    int e;
    while ((e = rs_lexicon_payload(s->lex, node, &cursor)) >= 0) {
        const char *cameo = rs_lexicon_cameo(s->lex, e);
        if (cameo[0] && (strncmp(cameo, "01", 2) != 0 || !object_between))
            return 1;
    }
    return 0;
}

/* "در این دیدار ... اعلام کرد": a noun after a preposition and a
 * demonstrative heads a phrase of its own. After a noun, این and آن are
 * pronouns that end its phrase ("از مواضع آن دفاع کرد"). */
static int rs_after_determiner(const rs_tokens *t, size_t first)
{
    return first > 1 && rs_tok_is(t, first - 1, RS_LIST(rs_demonstratives)) &&
           (rs_tok_is(t, first - 2, RS_LIST(rs_target_markers)) || rs_tok_is(t, first - 2, RS_LIST(rs_during)));
}

/* Follows a light-verb edge: the verb may stand a few words after the
 * noun, as a future (خواهد + stem), negated or not. */
static void rs_scan_light(rs_scan *s, uint32_t node, size_t first, size_t i, size_t depth, rs_trigger how)
{
    const rs_tokens *t = s->t;
    if (rs_after_determiner(t, first))
        return;
    size_t limit = i + RS_LIGHT_GAP < t->n ? i + RS_LIGHT_GAP : t->n;
    for (size_t j = i < t->n ? s->readings[i].light_stop : t->n; j < limit; j = s->readings[j + 1].light_stop) {
        if (rs_is_boundary_punct(t, j))
            return;
        const rs_readings *rs = &s->readings[j];
        int found = 0;
        for (size_t k = 0; k < rs->n; k++) {
            rs_trigger h = how;
            size_t last = j;
            int verb = rs->r[k].verb;
            if (rs->r[k].aux) {
                if (j + 1 >= t->n)
                    continue;
                const rs_readings *next = &s->readings[j + 1];
                verb = -1;
                for (size_t m = 0; m < next->n && verb < 0; m++)
                    if (next->r[m].stem)
                        verb = next->r[m].verb;
                if (verb < 0)
                    continue;
                last = j + 1;
                h.future = 1;
            }
            const char *name = rs_light_verb_name(verb);
            char key[128];
            size_t n = strlen(name);
            if (n + 1 >= sizeof key)
                continue;
            key[0] = RS_KEY_LIGHT_VERB;
            memcpy(key + 1, name, n);
            found = 1;
            uint64_t key_hash = rs_word_hash(key, n + 1);
            if (j > i && rs_verb_has_closer_noun(s, j - 1, key, n + 1, key_hash, rs_object_between(t, i, j)))
                return;
            uint32_t child = rs_lexicon_step_hashed(s->lex, node, key, n + 1, key_hash);
            if (child == RS_NO_NODE)
                continue;
            h.negated |= rs->r[k].negated;
            h.light = 1;
            h.words = (uint8_t)(h.words + 2);
            h.noun_last = i - 1;
            h.verb_first = j;
            /* شدن, and قرار گرفتن ("مورد حمله قرار گرفت", "was attacked"). */
            h.passive_verb = strcmp(name, "شدن") == 0 ||
                             (strcmp(name, "گرفتن") == 0 && j > 0 && strcmp(rs_norm(t, j - 1), "قرار") == 0);
            rs_scan_record(s, child, first, last, &h);
            rs_scan_from(s, child, first, last + 1, depth + 1, h);
        }
        /* The first light verb after the noun is its own. */
        if (found)
            return;
    }
}

static void rs_scan_from(rs_scan *s, uint32_t node, size_t first, size_t i, size_t depth, rs_trigger how)
{
    const rs_tokens *t = s->t;
    if (depth > 0)
        rs_scan_light(s, node, first, i, depth, how);
    if (i >= t->n || i >= s->stop || depth >= RS_MAX_PATTERN)
        return;
    const rs_token *tok = &t->items[i];
    if (depth == 0 && tok->kind == RS_TOKEN_PUNCT)
        return;
    uint32_t keys[2][2] = {{tok->norm_off, tok->norm_len}, {tok->stem_off, tok->stem_len}};
    uint64_t hashes[2] = {tok->norm_hash, tok->stem_hash};
    int n_keys = tok->stem_off == tok->norm_off ? 1 : 2;
    for (int k = 0; k < n_keys; k++) {
        uint32_t child = rs_lexicon_step_hashed(s->lex, node, t->pool.data + keys[k][0], keys[k][1], hashes[k]);
        if (child == RS_NO_NODE)
            continue;
        rs_trigger h = how;
        h.words = (uint8_t)(h.words + 2);
        rs_scan_record(s, child, first, i, &h);
        rs_scan_from(s, child, first, i + 1, depth + 1, h);
    }
    if (depth > 0 && tok->kind == RS_TOKEN_WORD) {
        char any = RS_KEY_ANY;
        uint32_t child = rs_lexicon_step(s->lex, node, &any, 1);
        if (child != RS_NO_NODE) {
            rs_trigger h = how;
            h.words = (uint8_t)(h.words + 1);
            rs_scan_record(s, child, first, i, &h);
            rs_scan_from(s, child, first, i + 1, depth + 1, h);
        }
    }
}

/* Whether token i lies inside an actor's name. */
static int rs_inside_actor(const rs_coder *c, size_t i)
{
    for (size_t k = 0; k < c->n_slots; k++)
        if (c->slots[k].first <= i && i <= c->slots[k].last)
            return 1;
    return 0;
}

/* Whether token i lies inside a named actor: a pronoun that is also a
 * complementiser (Arabic إنها، أنها) still opens a clause. */
static int rs_inside_name(const rs_coder *c, size_t i)
{
    for (size_t k = 0; k < c->n_slots; k++)
        if (!c->slots[k].pronoun && c->slots[k].first <= i && i <= c->slots[k].last)
            return 1;
    return 0;
}

/* Each word's light-verb readings, once per sentence: the trigger walk
 * asks for them at every pattern prefix. */
static void rs_find_readings(rs_coder *c, const rs_tokens *t)
{
    c->readings = rs_grow_array(c->readings, &c->cap_readings, t->n + 1, sizeof *c->readings);
    for (size_t i = 0; i < t->n; i++) {
        c->readings[i].n = 0;
        if (t->items[i].kind == RS_TOKEN_WORD && c->lang != RS_LANG_EN)
            rs_light_verb_forms(rs_norm(t, i), t->items[i].norm_len, t->items[i].norm_hash, rs_collect_reading,
                                &c->readings[i]);
    }
    c->readings[t->n].n = 0;
    c->readings[t->n].light_stop = t->n;
    for (size_t i = t->n; i-- > 0;) {
        int stop = rs_is_boundary_punct(t, i) || (t->items[i].kind == RS_TOKEN_WORD && c->readings[i].n);
        c->readings[i].light_stop = stop ? i : c->readings[i + 1].light_stop;
    }
}

static int rs_is_preposition(const char *w);

/* Whether token i is a preposition right before a date expression. */
static int rs_ends_before_date(const rs_coder *c, const rs_tokens *t, size_t i)
{
    if (i + 1 >= t->n || !rs_is_preposition(rs_norm(t, i)))
        return 0;
    for (size_t k = 0; k < c->dates.n; k++)
        if (c->dates.items[k].start == t->items[i + 1].start)
            return 1;
    return 0;
}

static void rs_find_triggers(rs_coder *c, const rs_tokens *t)
{
    c->n_triggers = c->n_cues = 0;
    rs_find_readings(c, t);
    size_t covered_to = 0; /* tokens before this are inside a trigger */
    for (size_t i = 0; i < t->n && i < RS_PREFETCH_AHEAD; i++)
        rs_lexicon_prefetch_token(c->events, &t->items[i]);
    for (size_t i = 0; i < t->n; i++) {
        if (i + RS_PREFETCH_AHEAD < t->n)
            rs_lexicon_prefetch_token(c->events, &t->items[i + RS_PREFETCH_AHEAD]);
        rs_scan s = {c->events, t, c->readings, c->lang, {.entry = -1}, {.modality = 0}, t->n};
        rs_trigger start = {.entry = -1};
        rs_scan_from(&s, 0, i, i, 0, start);
        /* "agreed on Tuesday to reopen": the "on" is the date's. */
        if (s.best_event.entry >= 0 && rs_ends_before_date(c, t, s.best_event.last)) {
            s.stop = s.best_event.last;
            s.best_event.entry = -1;
            rs_scan_from(&s, 0, i, i, 0, start);
        }
        if (s.best_cue.modality) {
            c->cues = rs_grow_array(c->cues, &c->cap_cues, c->n_cues + 1, sizeof *c->cues);
            c->cues[c->n_cues++] = s.best_cue;
        }
        if (s.best_event.entry < 0 || i < covered_to || rs_inside_actor(c, i))
            continue;
        c->triggers = rs_grow_array(c->triggers, &c->cap_triggers, c->n_triggers + 1, sizeof *c->triggers);
        c->triggers[c->n_triggers++] = s.best_event;
        /* Nouns inside a light verb's phrase are its own ("خواستار آزادی
         * زندانیان شد" is one appeal, not a release too). */
        covered_to = s.best_event.last + 1;
    }
}

/* ------------------------------------------------------------ clauses and slots */

/* The first token that ends at or after byte (end set) or after it: a
 * binary search, as the tokens' ends rise and every actor asks twice. */
static size_t rs_token_at(const rs_tokens *t, size_t byte, int end)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (end ? t->items[mid].end >= byte : t->items[mid].end > byte)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < t->n ? lo : t->n ? t->n - 1 : 0;
}

static int rs_is_speech_at(const rs_tokens *t, size_t i);

/* A word that opens a clause: a complementiser or conjunction; أن and its
 * forms only outside Persian, where the letters are آن. */
static int rs_is_clause_word(const rs_coder *c, const rs_tokens *t, size_t i)
{
    return rs_tok_is(t, i, RS_LIST(rs_clause_words)) || (c->lang != RS_LANG_FA && rs_tok_is(t, i, RS_LIST(rs_arabic_complementisers)));
}

/* Commas do not end a clause: news sets off appositions and adverbials
 * with them ("ضمیر کابلوف، نماینده ویژه روسیه، با متقی دیدار کرد"). */
static int rs_is_clause_break(const rs_coder *c, const rs_tokens *t, size_t i)
{
    /* Nor do parentheses: "روز پنجشنبه ۲۲ دی (۱۲ ژانویه)، با ... دیدار کرد". */
    if (rs_is_boundary_punct(t, i))
        return !rs_tok_is(t, i, RS_LIST(rs_inner_punct));
    if (t->items[i].kind != RS_TOKEN_WORD)
        return 0;
    return rs_is_clause_word(c, t, i) || rs_is_speech_at(t, i);
}

/* A quotation of one to three words is emphasis, not reported speech:
 * "روابط «بنّاءة» مع كابول", موضع‌گیری «خاصی». Returns the closing mark's
 * token, or 0. */
static size_t rs_scare_quote_end(const rs_tokens *t, size_t i)
{
    if (!rs_tok_is(t, i, RS_LIST(rs_quote_marks)))
        return 0;
    for (size_t j = i + 2; j < t->n && j <= i + 4; j++) {
        if (rs_tok_is(t, j, RS_LIST(rs_quote_marks)))
            return j;
        if (t->items[j].kind != RS_TOKEN_WORD)
            return 0;
    }
    return 0;
}

/* "North Korea fired two missiles, South Korea's military said.": in
 * English the attribution after a comma is a clause of its own, whose
 * speaker is no party to the report. */
static int rs_attribution_comma(const rs_coder *c, const rs_tokens *t, size_t i)
{
    if (c->lang != RS_LANG_EN || strcmp(rs_norm(t, i), ",") != 0)
        return 0;
    for (size_t j = i + 1; j < t->n && j <= i + 8; j++) {
        if (rs_tok_is(t, j, RS_LIST(rs_speech_words)))
            return j + 1 >= t->n || t->items[j + 1].kind == RS_TOKEN_PUNCT;
        if (t->items[j].kind != RS_TOKEN_WORD)
            return 0;
    }
    return 0;
}

static void rs_mark_clauses(rs_coder *c, const rs_tokens *t)
{
    c->clause = rs_grow_array(c->clause, &c->cap_clause, t->n + 1, sizeof *c->clause);
    int n = 0;
    size_t quote_end = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (i > quote_end && (quote_end = rs_scare_quote_end(t, i)) != 0) {
            c->clause[i] = n;
            continue;
        }
        if ((rs_is_clause_break(c, t, i) && !rs_inside_name(c, i) && i != quote_end) || rs_attribution_comma(c, t, i))
            n++;
        c->clause[i] = n;
    }
}

/* Whether the actor's code belongs to a state or place: after "در", "في",
 * "in", such an actor is where the event happened, not a party to it. */
static int rs_place_at(const rs_coder *c, const rs_tokens *t, size_t j, size_t *last);

/* Whether an actor is named by a state or a place of the gazetteer
 * (كابول، Moscow): after "در", "في", "in", such an actor is where the event
 * happened, not a party to it. "حكومة طالبان" is not a place. */
static int rs_is_place_actor(const rs_coder *c, const rs_tokens *t, const rs_slot *s, const rs_actor_mention *a)
{
    size_t last;
    if (rs_lexicon_is_state(c->actors, a->entry))
        return 1;
    return rs_place_at(c, t, s->first, &last) >= 0 && last == s->last;
}

static int rs_is_pronoun(const rs_coder *c, const rs_tokens *t, size_t i)
{
    return rs_norm_is(t, i, RS_LIST(rs_pronouns)) || (c->lang == RS_LANG_FA && rs_norm_is(t, i, RS_LIST(rs_first_person_fa)));
}

static void rs_place_slots(rs_coder *c, const rs_tokens *t)
{
    c->n_slots = 0;
    c->slots = rs_grow_array(c->slots, &c->cap_slots, c->found.n + t->n + 1, sizeof *c->slots);
    for (size_t k = 0; k < c->found.n; k++) {
        const rs_actor_mention *a = &c->found.items[k];
        rs_slot *s = &c->slots[c->n_slots++];
        memset(s, 0, sizeof *s);
        s->first = rs_token_at(t, a->start, 0);
        s->last = rs_token_at(t, a->end, 1);
        s->actor = (int)k;
        s->marker = "";
        s->bare = a->root[0] == '\0';
    }
    /* Pronouns stand for a subject that carries over. */
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].kind == RS_TOKEN_WORD && rs_is_pronoun(c, t, i) && !rs_inside_actor(c, i)) {
            rs_slot *s = &c->slots[c->n_slots++];
            memset(s, 0, sizeof *s);
            s->first = s->last = i;
            s->actor = -1;
            s->marker = i > 0 && t->items[i - 1].kind == RS_TOKEN_WORD ? rs_norm(t, i - 1) : "";
            s->pronoun = 1;
        }
    for (size_t i = 0; i < t->n; i++) {
        int two = i > 0 && rs_tok_is(t, i, RS_LIST(rs_pair_heads)) && rs_tok_is(t, i - 1, RS_LIST(rs_two_words));
        if (!(two || rs_tok_is(t, i, RS_LIST(rs_pair_words))) || rs_inside_actor(c, i) || !c->parties[1].present)
            continue;
        rs_slot *s = &c->slots[c->n_slots++];
        memset(s, 0, sizeof *s);
        s->first = two ? i - 1 : i;
        s->last = i;
        s->actor = -1;
        s->marker = s->first > 0 && t->items[s->first - 1].kind == RS_TOKEN_WORD ? rs_norm(t, s->first - 1) : "";
        s->pronoun = s->pair = 1;
    }
}

/* One lookup for the four lists: it is asked of every slot's marker. */
static int rs_is_preposition(const char *w)
{
    uint64_t lists = RS_LIST(rs_target_markers) | RS_LIST(rs_locative_markers) | RS_LIST(rs_agent_markers) |
                     RS_LIST(rs_agent_heads);
    return (rs_word_mask(w, strlen(w)) & lists) != 0;
}

/* Whether token i starts a trigger or lies in an actor: the search for an
 * actor's preposition stops there. */
static int rs_stops_lookback(const rs_coder *c, const rs_tokens *t, size_t i)
{
    /* "پس از آنکه یک فرد مسلح ...": the از governs the clause, not its subject. */
    if (t->items[i].kind != RS_TOKEN_WORD || rs_inside_actor(c, i) || rs_is_clause_word(c, t, i))
        return 1;
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *tr = &c->triggers[k];
        if (tr->light ? (tr->first <= i && i <= tr->noun_last) || (tr->verb_first <= i && i <= tr->last)
                      : tr->first <= i && i <= tr->last)
            return 1;
    }
    return 0;
}

/* The preposition that governs each actor: the nearest one up to two
 * words before it ("با همتای پاکستانی خود", "to the Kremlin"), or a
 * proclitic (Arabic "بالرئيس", "للحكومة"); whether را follows (Persian
 * object); and whether it is a place after "در" / "في" / "in". */
/* Whether a word carries the preposition ب or ل on it ("بالرئيس",
 * "للحكومة"): not when the letter is the name's own (لبنان، بغداد). */
static int rs_arabic_proclitic(const rs_coder *c, const rs_tokens *t, size_t f)
{
    const unsigned char *w = (const unsigned char *)rs_norm(t, f);
    int ba = w[0] == 0xd8 && w[1] == 0xa8, lam = w[0] == 0xd9 && w[1] == 0x84;
    if (!(t->items[f].affixes & RS_AFFIX_PREP) || !(ba || lam))
        return 0;
    uint32_t node = rs_lexicon_step_hashed(c->actors, 0, rs_norm(t, f), t->items[f].norm_len, t->items[f].norm_hash);
    uint32_t cursor = 0;
    return node == RS_NO_NODE || rs_lexicon_payload(c->actors, node, &cursor) < 0;
}

/* "مسلحون من تنظيم الدولة", "gunmen from ISIS": the bare role noun is a
 * member of the group after it, which takes its place in the clause. */
static void rs_merge_members(rs_coder *c, const rs_tokens *t)
{
    for (size_t k = 0; k < c->n_slots; k++) {
        rs_slot *s = &c->slots[k];
        if (!s->bare || s->last + 2 >= t->n || !rs_tok_is(t, s->last + 1, RS_LIST(rs_member_of)))
            continue;
        for (size_t j = 0; j < c->n_slots; j++) {
            rs_slot *o = &c->slots[j];
            if (o->first == s->last + 2 && !o->bare && !o->pronoun) {
                s->merged = 1;
                o->marker = s->marker;
                o->object = s->object;
            }
        }
    }
}

/* A Persian object: را after the actor's phrase ("یک شهروند افغانستان به
 * نام فوزان را"), before any other actor, trigger or punctuation. */
static int rs_followed_by_ra(const rs_coder *c, const rs_tokens *t, const rs_slot *s)
{
    for (size_t i = s->last + 1; i < t->n && i <= s->last + 6; i++) {
        if (strcmp(rs_norm(t, i), "را") == 0)
            return 1;
        /* A number starts another noun phrase: "باکو ۹ نفر را",
         * "جنگنده‌های پاکستانی چند روستا را". */
        if (t->items[i].kind != RS_TOKEN_WORD || rs_inside_actor(c, i) || rs_tok_is(t, i, RS_LIST(rs_count_words)))
            return 0;
        for (size_t k = 0; k < c->n_triggers; k++)
            if (c->triggers[k].first == i)
                return 0;
    }
    return 0;
}

static void rs_mark_slots(rs_coder *c, const rs_tokens *t)
{
    for (size_t k = 0; k < c->n_slots; k++) {
        rs_slot *s = &c->slots[k];
        if (s->pronoun)
            continue;
        size_t f = s->first;
        for (size_t back = 1; back <= 3 && back <= f; back++) {
            size_t i = f - back;
            if (t->items[i].kind == RS_TOKEN_WORD && rs_is_preposition(rs_norm(t, i))) {
                s->marker = rs_norm(t, i);
                break;
            }
            if (rs_stops_lookback(c, t, i))
                break;
        }
        if (!s->marker[0] && rs_arabic_proclitic(c, t, f))
            s->marker = (unsigned char)rs_norm(t, f)[1] == 0xa8 ? "ب" : "ل";
        const rs_actor_mention *a = &c->found.items[s->actor];
        s->from_side = rs_is(s->marker, strlen(s->marker), RS_LIST(rs_agent_heads)) && f >= 2 && rs_tok_is(t, f - 2, RS_LIST(rs_from_words));
        s->object = rs_followed_by_ra(c, t, s);
        s->locative = rs_is(s->marker, strlen(s->marker), RS_LIST(rs_locative_markers)) && rs_is_place_actor(c, t, s, a);
        /* A dateline's place is where the story was filed, not a party. */
        s->locative |= rs_is_place_actor(c, t, s, a) && s->last + 1 < t->n && rs_tok_is(t, s->last + 1, RS_LIST(rs_dateline_marks));
    }
    rs_merge_members(c, t);
}

/* ------------------------------------------------------------ roles */

static int rs_marked(const rs_slot *s)
{
    return s->marker[0] && (rs_is_preposition(s->marker) || strcmp(s->marker, "ب") == 0 ||
                            strcmp(s->marker, "ل") == 0);
}

/* A subject: an actor with no preposition, not an object, not taken by a
 * nominal event of its own ("حمله داعش"). */
static int rs_is_subject(const rs_slot *s)
{
    return !rs_marked(s) && !s->object && !s->locative && !s->claimed;
}

static int rs_in_marker_list(const char *markers, const char *w)
{
    if (!markers || !w[0])
        return 0;
    size_t n = strlen(w);
    for (const char *p = strstr(markers, w); p; p = strstr(p + 1, w))
        if (p[-1] == '|' && p[n] == '|')
            return 1;
    return 0;
}

/* Whether a slot is the agent of the trigger: "by X", "توسط X", "من قبل
 * X", "على يد X", the entry's own "source after" words, and "از سوی X"
 * after a passive verb (after an active one it is the other party: "از
 * طرف روسی تشکر کرد"). */
static int rs_is_agent_slot(const rs_coder *c, const rs_tokens *t, const rs_slot *s, const rs_trigger *tr)
{
    if (rs_in_marker_list(rs_lexicon_markers(c->events, tr->entry, 0), s->marker))
        return 1;
    if (rs_is(s->marker, strlen(s->marker), RS_LIST(rs_agent_markers)))
        return 1;
    if (!rs_is(s->marker, strlen(s->marker), RS_LIST(rs_agent_heads)) || s->first < 2)
        return 0;
    if (rs_tok_is(t, s->first - 2, RS_LIST(rs_agent_openers)))
        return 1;
    return tr->passive_verb && rs_tok_is(t, s->first - 2, RS_LIST(rs_from_words));
}

/* Whether a slot has the marker the entry wants for its target (or, with
 * no list, one of the language's usual target markers). */
static int rs_is_target_slot(const rs_coder *c, const rs_slot *s, int entry)
{
    const char *want = rs_lexicon_markers(c->events, entry, 1);
    /* "از طرف روسی ... تشکر کرد": the side thanked. */
    if (want)
        return rs_in_marker_list(want, s->marker) || (s->object && rs_in_marker_list(want, "را")) ||
               (s->from_side && rs_in_marker_list(want, "از"));
    return s->object || s->from_side || rs_is(s->marker, strlen(s->marker), RS_LIST(rs_target_markers)) ||
           !strcmp(s->marker, "ب") || !strcmp(s->marker, "ل");
}

/* The roles found for one trigger: slot indices, or -1. */
typedef struct rs_roles {
    int source, target;
    int passive;
} rs_roles;

static int rs_same_clause(const rs_coder *c, size_t a, size_t b)
{
    return c->clause[a] == c->clause[b];
}

/* Whether the slot is in the trigger's clause; the light-verb gap counts
 * as the trigger's clause. */
static int rs_slot_in_clause(const rs_coder *c, const rs_slot *s, const rs_trigger *tr)
{
    if (s->first > tr->first && s->last < tr->last)
        return 1;
    size_t anchor = s->last < tr->first ? tr->first : tr->last;
    return rs_same_clause(c, s->first, anchor) && rs_same_clause(c, s->last, anchor);
}

static int rs_english_passive(const rs_tokens *t, const rs_trigger *tr)
{
    /* "is investigating", "to remove": a progressive or an infinitive is active. */
    const char *w = rs_norm(t, tr->first);
    size_t n = t->items[tr->first].norm_len;
    if ((n > 4 && strcmp(w + n - 3, "ing") == 0) || (tr->first > 0 && strcmp(rs_norm(t, tr->first - 1), "to") == 0))
        return 0;
    for (size_t k = 1; k <= 3 && k <= tr->first; k++) {
        size_t i = tr->first - k;
        if (rs_tok_is(t, i, RS_LIST(rs_be_words)))
            return 1;
        if (t->items[i].kind != RS_TOKEN_WORD || rs_tok_is(t, i, RS_LIST(rs_passive_breakers)))
            return 0;
    }
    return 0;
}

static int rs_english_participle(const rs_tokens *t, const rs_trigger *tr)
{
    const char *w = rs_norm(t, tr->first);
    size_t n = t->items[tr->first].norm_len;
    return tr->first > 0 && n > 4 && strcmp(w + n - 3, "ing") == 0 && strcmp(rs_norm(t, tr->first - 1), ",") == 0;
}

/* The subject before the trigger: the first in its clause (Persian: "ایران
 * با پاکستان ...") or the nearest (Arabic SVO, English). -1 if none. */
static int rs_subject_before(const rs_coder *c, const rs_trigger *tr, int first_in_clause)
{
    int best = -1;
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if (s->last >= tr->first || !rs_slot_in_clause(c, s, tr) || !rs_is_subject(s))
            continue;
        if (best < 0 || (first_in_clause ? s->first < c->slots[best].first : s->first > c->slots[best].first))
            best = (int)k;
    }
    return best;
}

/* The first slot after the trigger in its clause, at most reach tokens
 * after it, that passes ok; -1 if none. */
static int rs_slot_after(const rs_coder *c, const rs_trigger *tr, int skip, size_t reach,
                         int (*ok)(const rs_slot *))
{
    int best = -1;
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if ((int)k == skip || s->first <= tr->last || s->first > tr->last + reach || !rs_slot_in_clause(c, s, tr) ||
            s->locative || !ok(s))
            continue;
        /* An apposition of the skipped actor ("وزير الخارجية الروسي سيرغي لافروف") is the same actor. */
        if (skip >= 0 && !s->pronoun && !c->slots[skip].pronoun &&
            !strcmp(c->found.items[s->actor].code, c->found.items[c->slots[skip].actor].code))
            continue;
        if (best < 0 || s->first < c->slots[best].first)
            best = (int)k;
    }
    return best;
}

static int rs_any_slot(const rs_slot *s)
{
    return !s->pronoun;
}

/* The target: an actor with the entry's (or the usual) marker in the
 * clause, nearest the trigger; else, for languages that put objects after
 * the verb, the next actor. reach bounds how far after the trigger. */
static int rs_find_target(const rs_coder *c, const rs_trigger *tr, int source, int object_after, size_t reach)
{
    /* An actor inside the pattern ("remove * from its list") is its object. */
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if ((int)k != source && !s->hidden && !s->pronoun && !s->locative && s->first > tr->first &&
            s->last <= tr->last && !tr->light)
            return (int)k;
    }
    /* A direct object right after the verb comes first ("met U.S.
     * officials on the sidelines of ..."). */
    if (object_after && !rs_lexicon_markers(c->events, tr->entry, 1)) {
        int next = rs_slot_after(c, tr, source, 3, rs_any_slot);
        if (next >= 0 && !rs_marked(&c->slots[next]))
            return next;
    }
    int best = -1;
    size_t best_dist = 0;
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if ((int)k == source || s->pronoun || s->locative || !rs_slot_in_clause(c, s, tr) ||
            !rs_is_target_slot(c, s, tr->entry) || s->first > tr->last + reach)
            continue;
        size_t dist = s->last < tr->first ? tr->first - s->last : s->first > tr->last ? s->first - tr->last : 0;
        if (best < 0 || dist < best_dist)
            best = (int)k, best_dist = dist;
    }
    if (best < 0 && object_after)
        best = rs_slot_after(c, tr, source, reach, rs_any_slot);
    return best;
}

/* The actor a wildcard of the pattern holds right after its first word:
 * in a verb-first clause, the verb's subject. -1 if none. */
static int rs_inside_subject(const rs_coder *c, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (!s->hidden && !s->pronoun && !s->locative && s->first == tr->first + 1 && s->last < tr->last &&
            rs_is_subject(s))
            return (int)k;
    }
    return -1;
}

static int rs_find_agent(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if (s->pronoun || !rs_slot_in_clause(c, s, tr) || !rs_is_agent_slot(c, t, s, tr))
            continue;
        /* English "by" marks the agent of a passive ("was attacked by X",
         * "soldiers killed by X"), not of an active verb's object ("rejected
         * calls by Belarus"). */
        if (c->lang == RS_LANG_EN && !rs_english_passive(t, tr) && !rs_tok_is(t, tr->first, RS_LIST(rs_be_words)) &&
            s->first > tr->last + 3)
            continue;
        return (int)k;
    }
    return -1;
}

/* "در تماس تلفنی با ...", "ضمن محکوم کردن": an event noun after (or
 * starting with) one of these is what the clause's subject took part in. */
static int rs_during_frame(const rs_tokens *t, const rs_trigger *tr)
{
    return rs_tok_is(t, tr->first, RS_LIST(rs_during)) || (tr->first > 0 && rs_tok_is(t, tr->first - 1, RS_LIST(rs_during)));
}

/* Whether a non-verbal trigger is a noun inside another event's clause
 * ("X حمله ... را محکوم کرد", "X condemned the attack on Y"): it then takes
 * only the actors of its own phrase. */
static int rs_is_embedded(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    /* "در تماس تلفنی با ...", "في لقاء مع ...", "during talks with ...":
     * the clause's subject held the talks. */
    if (tr->light || rs_during_frame(t, tr))
        return 0;
    /* Only nouns embed: English ones after a determiner or possessive,
     * Arabic masdars with the article (verbs never take it). */
    if (c->lang == RS_LANG_EN && !(tr->first > 0 && (rs_tok_is(t, tr->first - 1, RS_LIST(rs_determiners)) ||
                                                     (t->items[tr->first - 1].affixes & RS_AFFIX_POSSESSIVE))))
        return 0;
    if (c->lang == RS_LANG_AR && !(t->items[tr->first].affixes & RS_AFFIX_ARTICLE))
        return 0;
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *o = &c->triggers[k];
        /* "X بر افزایش حضور دیپلماتیک ... تاکید کرد": what a statement
         * stresses is the speaker's own, not a phrase of someone else's. */
        if (o != tr && o->first > tr->last && rs_same_clause(c, o->first, tr->last) &&
            strncmp(rs_lexicon_cameo(c->events, o->entry), "01", 2) != 0)
            return 1;
        if (o != tr && o->last < tr->first && rs_same_clause(c, o->last, tr->first) && c->lang != RS_LANG_FA)
            return 1;
    }
    return 0;
}

/* An Arabic event noun with the article: "الهجوم" is ال + an event word.
 * "التقى" starts with the same letters but is a verb of its own. */
static int rs_arabic_definite_noun(const rs_coder *c, const rs_tokens *t, size_t i)
{
    const rs_token *tok = &t->items[i];
    if (!(tok->affixes & RS_AFFIX_ARTICLE) || tok->stem_off == tok->norm_off)
        return 0;
    uint32_t node = rs_lexicon_step_hashed(c->events, 0, rs_stem(t, i), tok->stem_len, tok->stem_hash), cursor = 0;
    if (node == RS_NO_NODE)
        return 0;
    while (rs_lexicon_payload(c->events, node, &cursor) >= 0)
        if (rs_lexicon_payload_exact(c->events, cursor))
            return 1;
    return 0;
}

/* "اعترافات حول تنفيذ اعتداء", "خطة لشن هجوم": a reference frame
 * (rs_reference_frames, rs_reference_heads) before the masdar of a verb
 * that carries an attack governs the attack through it. */
static int rs_arabic_framed_carrier(const rs_tokens *t, size_t i)
{
    if (i < 2 || !rs_tok_is(t, i - 1, RS_LIST(rs_carrier_masdars_ar)))
        return 0;
    return rs_tok_is(t, i - 2, RS_LIST(rs_reference_frames)) || rs_tok_is(t, i - 2, RS_LIST(rs_reference_heads));
}

/* "التحقيق في اغتيال", "المتهم بقتل": an act after a reference head
 * (rs_reference_heads), through في or the proclitic ب; the head may have
 * its adjective ("المتهم الرئيسي في اغتيال"). */
static int rs_arabic_topic_of(const rs_tokens *t, size_t i)
{
    if (i > 1 && strcmp(rs_norm(t, i - 1), "فی") == 0)
        return rs_tok_is(t, i - 2, RS_LIST(rs_reference_heads)) ||
               (i > 2 && (t->items[i - 2].affixes & RS_AFFIX_ARTICLE) && rs_tok_is(t, i - 3, RS_LIST(rs_reference_heads)));
    const unsigned char *w = (const unsigned char *)rs_norm(t, i);
    int ba = (t->items[i].affixes & RS_AFFIX_PREP) && w[0] == 0xd8 && w[1] == 0xa8;
    return ba && i > 0 && rs_tok_is(t, i - 1, RS_LIST(rs_reference_heads));
}

/* "الاعتداء الذي وقع أمس، وأسفر عن مقتل مهندس": a verb joined by و to a
 * relative clause, with no other clause opened between, goes on telling
 * what the relative's noun did. */
static int rs_arabic_relative_goes_on(const rs_tokens *t, size_t i)
{
    if (!(t->items[i].affixes & RS_AFFIX_CONJ) || strncmp(rs_norm(t, i), "و", strlen("و")) != 0)
        return 0;
    while (i-- > 0)
        if (rs_tok_is(t, i, RS_LIST(rs_relative_words)))
            return 1;
        else if (rs_tok_is(t, i, RS_LIST(rs_clause_words)) || rs_tok_is(t, i, RS_LIST(rs_speech_words)) ||
                 rs_tok_is(t, i, RS_LIST(rs_complementisers)))
            return 0;
    return 0;
}

static int rs_starts_with(const char *w, const char *letter);
static int rs_incident_type(const char *plover);

/* The incident type (rs_incident_types) of a trigger's event, or -1. */
static int rs_trigger_incident_type(const rs_coder *c, const rs_trigger *tr)
{
    const rs_cameo_info *info = rs_cameo_find(rs_lexicon_cameo(c->events, tr->entry));
    return info ? rs_incident_type(info->plover) : -1;
}

/* "عمليات الاختطاف", "أعمال الشغب": a noun of kind whose act has the
 * article is as definite as the act itself. */
static int rs_arabic_definite_kind(const rs_tokens *t, const rs_trigger *tr)
{
    return tr->last > tr->first && rs_tok_is(t, tr->first, RS_LIST(rs_masdar_heads_ar)) &&
           (t->items[tr->first + 1].affixes & RS_AFFIX_ARTICLE);
}

/* "متظاهرين يحتجون على": an imperfect verb right after a noun of people
 * describes them (an Arabic relative clause without الذي). */
static int rs_arabic_describes_people(const rs_tokens *t, size_t i)
{
    const char *w = rs_norm(t, i);
    int imperfect = rs_starts_with(w, "ی") || rs_starts_with(w, "ت");
    return imperfect && i > 0 && rs_tok_is(t, i - 1, RS_LIST(rs_people_nouns_ar));
}

/* Whether an event noun refers back to an event reported elsewhere rather
 * than reporting one: an Arabic masdar with the article ("أدانت الهجوم",
 * "الاغتيال"), an English one after "the" inside another event's clause
 * ("condemned the attack"), a Persian one that is another verb's را object
 * ("حمله ... را محکوم کرد"). Such a noun is not coded on its own. */
static int rs_is_reference(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int embedded)
{
    if (tr->light)
        return 0;
    /* "في لقاء مع", "ضمن محکوم کردن": the clause's subject took part. Not
     * so for violence or protest with the article ("خلال التظاهرات"): a
     * known one; nor after a head that makes it a topic ("التحقيق في
     * اغتيال"). */
    if (c->lang == RS_LANG_AR && rs_arabic_topic_of(t, tr->first))
        return 1;
    if (rs_during_frame(t, tr) &&
        !(c->lang == RS_LANG_AR && rs_arabic_definite_noun(c, t, tr->first) && rs_trigger_incident_type(c, tr) >= 0))
        return 0;
    switch (c->lang) {
    case RS_LANG_AR:
        return rs_arabic_definite_noun(c, t, tr->first) || rs_arabic_relative_goes_on(t, tr->first) || rs_arabic_definite_kind(t, tr) ||
               rs_arabic_describes_people(t, tr->first) ||
               (tr->first > 0 && (rs_tok_is(t, tr->first - 1, RS_LIST(rs_reference_frames)) ||
                                  rs_tok_is(t, tr->first - 1, RS_LIST(rs_relative_words)))) ||
               rs_arabic_framed_carrier(t, tr->first);
    case RS_LANG_EN:
        return embedded && tr->first > 0 && rs_tok_is(t, tr->first - 1, RS_LIST(rs_definite));
    default:
        if (tr->first > 0 && rs_tok_is(t, tr->first - 1, RS_LIST(rs_reference_frames_fa)))
            return 1;
        if (!embedded)
            return 0;
        for (size_t i = tr->last + 1; i < t->n && rs_same_clause(c, i, tr->last); i++) {
            if (strcmp(rs_norm(t, i), "را") == 0)
                return 1;
            for (size_t k = 0; k < c->n_triggers; k++)
                if (c->triggers[k].first == i)
                    return 0;
        }
        return 0;
    }
}

/* An English possessive before the noun: "Russia's attack on ...". */
static int rs_possessive_before(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if (!s->pronoun && s->last + 1 == tr->first && (t->items[s->last].affixes & RS_AFFIX_POSSESSIVE))
            return (int)k;
    }
    return -1;
}

/* The actors of a nominal event's own phrase: its genitive ("دیدار X با
 * Y", "هجوم داعش على", "X's visit to Y", "the attack by X on Y"). */
static rs_roles rs_phrase_roles(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    rs_roles r = {-1, -1, 0};
    if (c->lang == RS_LANG_EN) {
        r.source = rs_possessive_before(c, t, tr);
        if (r.source < 0) {
            int agent = rs_find_agent(c, t, tr);
            if (agent >= 0 && c->slots[agent].first <= tr->last + 4)
                r.source = agent;
        }
    } else {
        r.source = rs_slot_after(c, tr, -1, 3, rs_is_subject);
    }
    r.target = rs_find_target(c, tr, r.source, 0, 6);
    if (r.target >= 0 && c->slots[r.target].last < tr->first)
        r.target = -1;
    return r;
}

static rs_roles rs_passive_roles(const rs_coder *c, const rs_trigger *tr, int agent)
{
    rs_roles r = {agent, -1, 1};
    /* A Persian passive's subject stands before its verb; an actor after
     * it belongs to the next clause ("... شناخته شده است و ارمنستان ..."). */
    size_t reach = c->lang == RS_LANG_FA ? 0 : SIZE_MAX / 2;
    r.target = rs_subject_before(c, tr, c->lang != RS_LANG_EN);
    if (r.target < 0 && reach)
        r.target = rs_slot_after(c, tr, agent, reach, rs_is_subject);
    if (r.target < 0)
        r.target = rs_find_target(c, tr, agent, 0, reach);
    return r;
}

/* An Arabic passive that the text writes with its vowels: the damma of
 * "قُتل", "اعتُقل" (normalisation takes harakat off, so look at the
 * original). */
static int rs_arabic_passive(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    /* "قتل خمسة جنود في هجوم": a verb of harm right before a count of
     * people is the unvowelled passive; the active puts its subject there
     * ("قتل مسلحون خمسة جنود"), and other verbs count their doers
     * ("اقتحم مئات المحتجين"). */
    size_t next = tr->last + 1;
    if (tr->first == tr->last && next < t->n && rs_tok_is(t, tr->first, RS_LIST(rs_arabic_victim_verbs)) &&
        (t->items[next].kind == RS_TOKEN_NUMBER || rs_tok_is(t, next, RS_LIST(rs_count_words))))
        return 1;
    const rs_token *tok = &t->items[tr->first];
    for (size_t i = tok->start; i + 1 < tok->end && i < tok->start + 8; i++)
        if ((unsigned char)c->text[i] == 0xd9 && (unsigned char)c->text[i + 1] == 0x8f)
            return 1;
    return 0;
}

/* A Persian past participle with شدن after it is a passive, whatever the
 * entry: "به رسمیت شناخته شده است" names no one who recognised. */
static int rs_persian_participle_passive(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang != RS_LANG_FA || tr->last + 1 >= t->n)
        return 0;
    const char *w = rs_norm(t, tr->last);
    size_t n = t->items[tr->last].norm_len;
    if (n < 4 || strcmp(w + n - 2, "ه") != 0)
        return 0;
    const rs_readings *next = &c->readings[tr->last + 1];
    for (size_t k = 0; k < next->n; k++)
        if (strcmp(rs_light_verb_name(next->r[k].verb), "شدن") == 0)
            return 1;
    return 0;
}

/* "قتل خمسة جنود في هجوم شنه مسلحون", "killed in an attack by": an act of
 * violence named in a "during" phrase is not the clause subject's, who
 * suffered it; it has the actors of its own phrase. */
static int rs_violence_in_frame(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    const rs_cameo_info *info = rs_cameo_find(rs_lexicon_cameo(c->events, tr->entry));
    /* Persian nouns take their own phrase's actors first anyway. */
    return c->lang != RS_LANG_FA && info && !strcmp(info->plover, "ASSAULT") && tr->first > 0 &&
           rs_tok_is(t, tr->first - 1, RS_LIST(rs_during));
}

static rs_roles rs_find_roles(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (tr->embedded || rs_violence_in_frame(c, t, tr))
        return rs_phrase_roles(c, t, tr);
    int agent = rs_find_agent(c, t, tr);
    /* Passive: an agent, an English "was ..." (before the trigger or in
     * it), or an entry written for passives ("source after") with a
     * Persian passive verb (شد) or in Arabic and English. */
    int passive_entry = rs_lexicon_markers(c->events, tr->entry, 0) != NULL ||
                        (c->lang == RS_LANG_AR && rs_arabic_passive(c, t, tr));
    if (agent >= 0 || (c->lang == RS_LANG_EN && (rs_english_passive(t, tr) || rs_tok_is(t, tr->first, RS_LIST(rs_be_words)))) ||
        (passive_entry && (tr->passive_verb || c->lang != RS_LANG_FA)) || rs_persian_participle_passive(c, t, tr))
        return rs_passive_roles(c, tr, agent);
    rs_roles r = {-1, -1, 0};
    const size_t far = SIZE_MAX / 2;
    switch (c->lang) {
    case RS_LANG_AR:
        /* SVO when a subject leads the clause, else VSO (and masdar +
         * genitive): then an actor inside the pattern right after the verb
         * is its subject ("وقعت الإمارات اتفاقية مع الهند"). */
        r.source = rs_subject_before(c, tr, 0);
        if (r.source < 0)
            r.source = rs_inside_subject(c, tr);
        if (r.source < 0)
            r.source = rs_slot_after(c, tr, -1, far, rs_is_subject);
        r.target = rs_find_target(c, tr, r.source, 1, far);
        break;
    case RS_LANG_EN:
        /* ", killing one person": a participle after a comma shares the
         * main clause's subject. */
        r.source = rs_english_participle(t, tr) ? rs_subject_before(c, tr, 1) : rs_subject_before(c, tr, 0);
        if (r.source < 0)
            r.source = rs_possessive_before(c, t, tr);
        /* English objects stand near their verb; an actor a dozen words on
         * belongs to another phrase. */
        r.target = rs_find_target(c, tr, r.source, 1, 8);
        break;
    default:
        /* Nominal events: "دیدار X با Y", "سفر X به Y". */
        if (!tr->light)
            r = rs_phrase_roles(c, t, tr);
        if (r.source < 0)
            r.source = rs_subject_before(c, tr, 1);
        if (r.target < 0)
            r.target = rs_find_target(c, tr, r.source, !tr->light, tr->light ? far : 6);
        break;
    }
    return r;
}

/* The subject of the nearest earlier clause of the sentence that has one:
 * "Russia said it will ...", "روسیه ... است و ... کند". -1 if none. */
static int rs_previous_subject(const rs_coder *c, const rs_trigger *tr)
{
    int best = -1;
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (s->hidden)
            continue;
        if (s->last >= tr->first || rs_same_clause(c, s->first, tr->first) || !rs_is_subject(s) || s->pronoun)
            continue;
        if (best < 0 || c->clause[s->first] > c->clause[c->slots[best].first])
            best = (int)k;
    }
    return best;
}

/* Whether the clause drops its subject in a way that points back to the
 * previous sentence's: a pronoun before the trigger, or (Arabic) a verb
 * opening the sentence ("وأضاف"). */
static int rs_points_back(const rs_coder *c, const rs_trigger *tr, int source)
{
    if (source >= 0 && c->slots[source].pronoun)
        return 1;
    if (c->lang == RS_LANG_AR && tr->first == 0)
        return 1;
    for (size_t k = 0; k < c->n_slots; k++)
        if (c->slots[k].pronoun && c->slots[k].last < tr->first && rs_slot_in_clause(c, &c->slots[k], tr))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ conjoined actors */

/* The slots conjoined with slot k after it: "A و B", "A, B and C". A comma
 * list counts only when an "and" closes it, so an apposition ("وزیر خارجه
 * طالبان، ضمیر کابلوف") is not a second actor; nor is a second name with
 * the same code. Returns how many it wrote to out. */
/* How slot b joins slot a before it: 2 by a conjunction ("و", "and", or
 * Arabic و on the word), 1 by a comma alone, 0 not at all. */
static int rs_join(const rs_tokens *t, const rs_slot *a, const rs_slot *b)
{
    if (b->first <= a->last)
        return 0;
    size_t g = a->last + 1, gap = b->first - g;
    int comma = gap >= 1 && (!strcmp(rs_norm(t, g), ",") || !strcmp(rs_norm(t, g), "،"));
    if (gap == 0)
        return (t->items[b->first].affixes & RS_AFFIX_CONJ) ? 2 : 0;
    if (gap == 1)
        return comma ? 1 : rs_tok_is(t, g, RS_LIST(rs_conjunctions)) ? 2 : 0;
    return gap == 2 && comma && rs_tok_is(t, g + 1, RS_LIST(rs_conjunctions)) ? 2 : 0;
}

/* The first slot of the conjunction that slot k closes: "Iran and
 * Pakistan condemned" finds Pakistan nearest the verb, and Iran with it. */
static int rs_group_start(const rs_coder *c, const rs_tokens *t, int k)
{
    for (;;) {
        int prev = -1;
        for (size_t j = 0; j < c->n_slots; j++) {
            const rs_slot *s = &c->slots[j];
            if (!s->pronoun && !s->hidden && s->last < c->slots[k].first &&
                (prev < 0 || s->last > c->slots[prev].last))
                prev = (int)j;
        }
        if (prev < 0 || rs_join(t, &c->slots[prev], &c->slots[k]) != 2 || !rs_is_subject(&c->slots[prev]))
            return k;
        k = prev;
    }
}

static size_t rs_conjoined(const rs_coder *c, const rs_tokens *t, int k, int *out, size_t cap)
{
    if (k < 0)
        return 0;
    if (rs_is_subject(&c->slots[k]))
        k = rs_group_start(c, t, k);
    size_t n = 0, closed = 1;
    out[n++] = k;
    const rs_slot *prev = &c->slots[k];
    for (size_t j = 0; j < c->n_slots && n < cap; j++) {
        const rs_slot *s = &c->slots[j];
        if (s->pronoun || s->hidden || s->first <= prev->last)
            continue;
        int join = rs_join(t, prev, s), conj = join == 2;
        if (!join)
            break;
        if (strcmp(c->found.items[s->actor].code, c->found.items[prev->actor].code) != 0)
            out[n++] = (int)j;
        if (conj)
            closed = n;
        prev = s;
    }
    return closed;
}

/* ------------------------------------------------------------ modality */

/* Whether a cue stands for itself: not inside a date ("May 5"), nor inside
 * another trigger that won ("claimed responsibility for"). A request
 * (02, never coded on its own) does not hide it: "نمی‌خواهد که" is a
 * negated wish before it is an appeal; nor does a pledge (03: "تعهّدت
 * طرد" plans the expulsion) or a "must" ("باید"): what must be done has
 * not been. */
static int rs_cue_counts(const rs_coder *c, const rs_tokens *t, const rs_cue *q, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->dates.n; k++)
        if (c->dates.items[k].start < t->items[q->last].end && t->items[q->first].start < c->dates.items[k].end)
            return 0;
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *o = &c->triggers[k];
        const char *code = rs_lexicon_cameo(c->events, o->entry);
        if (o == tr || o->first > q->first || q->last > o->last)
            continue;
        /* A bare pledge's cue ("agreed to", "تعهّدت") reaches only the act
         * it promises, right after it; "agreed to a ceasefire on the
         * sidelines of a summit" plans no meeting. */
        if (!strncmp(code, "03", 2))
            return q->last == o->last && tr->first <= o->last + 3;
        if (strncmp(code, "02", 2) != 0 && !rs_tok_is(t, o->first, RS_LIST(rs_obligation_words)))
            return 0;
    }
    return 1;
}

/* A cue word negated by its own prefix: نمی‌خواهد is "does not want". */
static int rs_cue_negated(const rs_tokens *t, const rs_cue *q)
{
    const char *w = rs_norm(t, q->first);
    return (t->items[q->first].affixes & RS_AFFIX_VERB_PREFIX) && strncmp(w, "نمی", strlen("نمی")) == 0;
}

/* Arabic قد before an imperfect verb is "may": "قد يزور". A plural in وا
 * is a perfect, whose ت may be the prefix of its form ("قد تظاهروا",
 * "قد تجمعوا"): the imperfect plural after قد ends in ون. After كان a few
 * words before, قد and the verb are a pluperfect whatever its ت ("وكان
 * الإقليم قد تعرض لقصف"). */
#define RS_PLUPERFECT_SPAN 6

static int rs_arabic_may(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang != RS_LANG_AR || tr->first == 0 || !rs_tok_is(t, tr->first - 1, RS_LIST(rs_arabic_may_words)))
        return 0;
    for (size_t i = tr->first > RS_PLUPERFECT_SPAN ? tr->first - RS_PLUPERFECT_SPAN : 0; i + 1 < tr->first; i++)
        if (rs_tok_is(t, i, RS_LIST(rs_be_words)))
            return 0;
    const char *norm = rs_norm(t, tr->first);
    size_t n = t->items[tr->first].norm_len;
    if (n > strlen("وا") && strcmp(norm + n - strlen("وا"), "وا") == 0)
        return 0;
    const char *w = rs_stem(t, tr->first);
    for (const char *const *p = rs_imperfect_prefixes; *p; p++)
        if (strncmp(w, *p, strlen(*p)) == 0)
            return 1;
    return 0;
}

/* Whether the cue stands right before a complementiser that opens the
 * trigger's clause: "روسیه نمی‌خواهد که ... از افغانستان انتقاد کند"
 * negates the criticism, "قرار است که ... سفر کند" plans the visit. */
static int rs_cue_governs(const rs_coder *c, const rs_tokens *t, const rs_cue *q, const rs_trigger *tr)
{
    size_t next = q->last + 1;
    return next < tr->first && rs_tok_is(t, next, RS_LIST(rs_complementisers)) && rs_same_clause(c, next, tr->first);
}

static int rs_arabic_future_carrier(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr);

/* "مسکو به ارسال سلاح به ایران ادامه نخواهد داد": a Persian event noun
 * is the complement of the verb that closes its clause, whose negation
 * or future is the noun's too. */
static void rs_clause_verb_modality(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int *negated,
                                    int *intended)
{
    if (c->lang != RS_LANG_FA || tr->light)
        return;
    for (size_t j = tr->last + 1; j < t->n && rs_same_clause(c, j, tr->last); j++) {
        /* An adverbial set off by a comma ("با ... ممنوعیت کار آنان، ...
         * نداشتند") is no complement. */
        if (rs_is_boundary_punct(t, j))
            return;
        const rs_readings *rs = &c->readings[j];
        if (!rs->n || rs_inside_actor(c, j))
            continue;
        for (size_t k = 0; k < rs->n; k++) {
            *negated |= rs->r[k].negated;
            *intended |= rs->r[k].aux;
        }
        return;
    }
}

static rs_modality rs_find_modality(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int *claimed)
{
    int negated = tr->negated, intended = tr->future, hypothetical = rs_arabic_may(c, t, tr);
    *claimed = 0;
    for (size_t k = 0; k < c->n_cues; k++) {
        const rs_cue *q = &c->cues[k];
        if (q->first >= tr->first && !(q->first > tr->first && q->last <= tr->last))
            continue;
        if (!rs_cue_counts(c, t, q, tr))
            continue;
        int governs = rs_cue_governs(c, t, q, tr);
        if (q->last < tr->first && !rs_same_clause(c, q->last, tr->first) && !governs)
            continue;
        /* Negation binds closely: "لم يزر", "did not meet". */
        int near = governs || tr->first - q->last <= 3 || (q->first > tr->first && q->last <= tr->last);
        switch (rs_cue_negated(t, q) ? RS_MOD_NEGATED : q->modality) {
        case RS_MOD_NEGATED:
            negated |= near;
            break;
        case RS_MOD_INTENDED:
            intended = 1;
            break;
        case RS_MOD_HYPOTHETICAL:
            hypothetical = 1;
            break;
        case RS_MOD_CLAIMED:
            *claimed = 1;
            break;
        }
    }
    if ((t->items[tr->first].affixes & RS_AFFIX_FUTURE) || rs_arabic_future_carrier(c, t, tr))
        intended = 1;
    rs_clause_verb_modality(c, t, tr, &negated, &intended);
    return negated ? RS_MOD_NEGATED : hypothetical ? RS_MOD_HYPOTHETICAL : intended ? RS_MOD_INTENDED : RS_MOD_ASSERTED;
}

/* ------------------------------------------------------------ dates and places */

/* The date mention nearest the trigger: in its clause, else before it in
 * the sentence, else after it. NULL when the sentence has none. */
static const rs_date_mention *rs_event_date(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    const rs_date_mention *best = NULL;
    size_t at = t->items[tr->first].start;
    long best_score = 0;
    for (size_t k = 0; k < c->dates.n; k++) {
        const rs_date_mention *m = &c->dates.items[k];
        size_t tok = rs_token_at(t, m->start, 0);
        long dist = m->end <= at ? (long)(at - m->end) : (long)(m->start - at) + 100000;
        if (!rs_same_clause(c, tok, tr->first))
            dist += 1000000;
        if (!best || dist < best_score)
            best = m, best_score = dist;
    }
    return best;
}

static void rs_set_date(rs_event *e, const rs_date_mention *m)
{
    snprintf(e->date, sizeof e->date, "%s", m->value);
    e->date_precision = m->precision;
}

/* The place whose name starts at token j, longest first; -1 if none.
 * *last is its last token. */
static int rs_place_at(const rs_coder *c, const rs_tokens *t, size_t j, size_t *last)
{
    uint32_t node = 0;
    int best = -1;
    for (size_t k = j; k < t->n && k < j + 4; k++) {
        node = rs_lexicon_step_hashed(c->places, node, rs_norm(t, k), t->items[k].norm_len, t->items[k].norm_hash);
        if (node == RS_NO_NODE)
            break;
        uint32_t cursor = 0;
        int e;
        /* Any language's name: Persian and Arabic share most place names,
         * and a name is entered once for the first language that has it. */
        if ((e = rs_lexicon_payload(c->places, node, &cursor)) >= 0) {
            best = e;
            *last = k;
        }
    }
    return best;
}

/* A place found for an event, and how sure the sentence makes it. */
typedef struct rs_place_hit {
    int entry;
    size_t first, last; /* tokens */
    int rank;           /* higher wins: see rs_event_place */
} rs_place_hit;

static void rs_consider_place(const rs_coder *c, const rs_tokens *t, size_t j, int rank, rs_place_hit *best)
{
    size_t last;
    int entry = rs_place_at(c, t, j, &last);
    /* "شهر ساری" is a name; "شهر کابل", "the city of" lead into one. */
    if (entry < 0 && j + 1 < t->n && rs_tok_is(t, j, RS_LIST(rs_place_heads)))
        entry = rs_place_at(c, t, ++j, &last);
    if (entry < 0)
        return;
    /* A whole state says less than any city: "في أفغانستان" loses to the
     * dateline's Kabul. */
    rank += rs_lexicon_is_state(c->places, entry) ? 0 : 10;
    if (rank > best->rank)
        *best = (rs_place_hit){entry, j, last, rank};
}

/* Where the event happened: a place after a locative (در، في، in, at) in
 * the trigger's clause, else the destination of a visit (به، إلى, to),
 * else the story's dateline ("كابول -", "Kabul (AFP) -"); a city beats a
 * whole state at each step. */
static void rs_event_place(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, rs_event *e)
{
    rs_place_hit best = {-1, 0, 0, 0};
    int visit = !strncmp(e->cameo, "04", 2) || !strncmp(e->cameo, "036", 3);
    for (size_t i = 0; i + 1 < t->n; i++) {
        int same = rs_same_clause(c, i, tr->first);
        if (same && rs_tok_is(t, i, RS_LIST(rs_locative_markers)))
            rs_consider_place(c, t, i + 1, 3, &best);
        else if (same && visit && rs_tok_is(t, i, RS_LIST(rs_destination_markers)))
            rs_consider_place(c, t, i + 1, 2, &best);
        else if (i < tr->first && rs_tok_is(t, i + 1, RS_LIST(rs_dateline_marks)) && t->items[i].kind == RS_TOKEN_WORD)
            for (size_t k = i + 1; k-- > 0 && k + 4 > i;)
                rs_consider_place(c, t, k, 1, &best);
    }
    if (best.entry < 0 || !rs_lexicon_place(c->places, best.entry, e->place_country, &e->lat, &e->lon))
        return;
    e->has_location = 1;
    e->place_start = t->items[best.first].start;
    e->place_end = t->items[best.last].end;
}

/* ------------------------------------------------------------ events */

static void rs_copy_actor(const rs_coder *c, int slot, rs_event_actor *out)
{
    memset(out, 0, sizeof *out);
    if (slot < 0 || c->slots[slot].pronoun)
        return;
    const rs_actor_mention *a = &c->found.items[c->slots[slot].actor];
    out->present = 1;
    out->start = a->start;
    out->end = a->end;
    memcpy(out->code, a->code, sizeof out->code);
    memcpy(out->root, a->root, sizeof out->root);
    memcpy(out->role, a->role, sizeof out->role);
    out->entry = a->entry;
    out->agent = a->agent;
}

static int rs_same_event(const rs_event *a, const rs_event *b)
{
    return a->sent == b->sent && !strcmp(a->cameo, b->cameo) && !strcmp(a->source.code, b->source.code) &&
           !strcmp(a->target.code, b->target.code) && a->modality == b->modality;
}

/* Acts that take two parties, by CAMEO prefix: consult (04), and the
 * intent to meet (036), mediate (039) or have diplomatic relations (032).
 * With no one named on one side ("گفت‌وگو با نشریه گلوبز", "committed to
 * developing relations with all countries") it is an interview or a
 * policy, not a dyadic event. Agreeing and cooperating can be one
 * party's act ("agreed to postpone the march"). */
static const char *const rs_two_party_codes[] = {"04", "032", "036", "039", NULL};

static int rs_lacks_party(const rs_event *e)
{
    for (const char *const *p = rs_two_party_codes; *p; p++)
        if (strncmp(e->cameo, *p, strlen(*p)) == 0)
            return !e->source.present || !e->target.present;
    return 0;
}

/* An event needs a party, except a protest or an attack reported where
 * it happened ("تظاهر آلاف الأشخاص في بغداد"): its doers are often named
 * by no more than a number. Told, from rs_told_incident, is such an
 * incident placed by no name the gazetteer knows, or told by its toll. */
static void rs_push_event(rs_events *out, const rs_event *e, int told)
{
    int placed_incident = (e->has_location || told) && rs_incident_type(e->plover) >= 0;
    if ((!e->source.present && !e->target.present && !placed_incident) || rs_lacks_party(e))
        return;
    /* An active verb whose subject was not found: leave it out rather
     * than code a source-less event. Passives and material conflict keep
     * their unknown source ("three journalists were arrested"). */
    if (!e->source.present && !e->passive && e->quad != 4)
        return;
    if (e->source.present && e->target.present && !strcmp(e->source.code, e->target.code)) {
        /* "أعلن الجيش الأميركي مقتل جندي في هجوم استهدف دورية للجيش
         * الأميركي": violence a party does to itself is mostly a speaker
         * or a place taken for the doer; the act stays, its doer unknown. */
        if (e->quad != 4)
            return;
        rs_event act = *e;
        memset(&act.source, 0, sizeof act.source);
        rs_push_event(out, &act, told);
        return;
    }
    for (size_t k = 0; k < out->n; k++)
        if (rs_same_event(&out->items[k], e))
            return;
    out->items = rs_grow_array(out->items, &out->cap, out->n + 1, sizeof *out->items);
    out->items[out->n++] = *e;
}

/* Per-document state the sentences share. */
typedef struct rs_doc_state {
    const rs_doc *doc;
    rs_date_context context;
    int32_t pub_day;
    int all_cameo;
} rs_doc_state;

static void rs_event_when(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_doc_state *st,
                          rs_event *e)
{
    const rs_date_mention *m = rs_event_date(c, t, tr);
    /* An intent is dated when it was expressed, not when it will happen. */
    if (m && e->modality == RS_MOD_INTENDED && st->pub_day >= 0 && m->first > st->pub_day)
        m = NULL;
    if (m)
        rs_set_date(e, m);
    else if (st->context.current.precision != RS_DATE_NONE)
        rs_set_date(e, &st->context.current);
}

/* "after a bombing in Baghdad killed 12 people": an English clause whose
 * subject is a noun phrase that names no actor has a subject all the
 * same, and takes none from the clause before. */
static int rs_unnamed_subject(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang != RS_LANG_EN)
        return 0;
    for (size_t i = tr->first; i-- > 0 && rs_same_clause(c, i, tr->first);)
        if (rs_tok_is(t, i, RS_LIST(rs_determiners)) && !rs_is_clause_break(c, t, i))
            return 1;
    return 0;
}

/* A dropped or pronoun subject: the subject of an earlier clause of the
 * sentence, else (when the clause points back) the previous sentence's. */
static void rs_fill_roles(rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int embedded, rs_roles *r, int *carried)
{
    *carried = 0;
    int pronoun = r->source >= 0 && c->slots[r->source].pronoun;
    if (r->source >= 0 && !pronoun)
        return;
    int points_back = rs_points_back(c, tr, r->source);
    if (!pronoun && rs_unnamed_subject(c, t, tr))
        return;
    r->source = -1;
    if (r->passive || embedded)
        return;
    r->source = rs_previous_subject(c, tr);
    if (r->source < 0)
        *carried = c->carry.present && points_back;
}

/* CAMEO codes an announced cooperative act as the intent to do it: "will
 * visit" is 036, "will give aid" 033, "will take the Taliban off its list"
 * 0351. Longest prefix first within each root. */
static const char *const rs_intent_codes[][2] = {
    {"045", "039"}, {"04", "036"}, {"05", "032"},
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
    {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"087", "0356"}, {"08", "035"},
    /* and an announced coercive act is a threat to do it: "will impose
     * sanctions" is 1312, "plans to impose a curfew" 1323, "will attack"
     * 1384. */
    {"14", "133"}, {"15", "138"},
    {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"}, {"166", "136"}, {"16", "131"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"175", "137"}, {"17", "132"},
    {"18", "1383"}, {"191", "1381"}, {"192", "1382"}, {"19", "1384"}, {"20", "1385"},
};

static const rs_cameo_info *rs_intent_of(const rs_cameo_info *act)
{
    for (size_t k = 0; k < sizeof rs_intent_codes / sizeof *rs_intent_codes; k++)
        if (strncmp(act->code, rs_intent_codes[k][0], strlen(rs_intent_codes[k][0])) == 0)
            return rs_cameo_find(rs_intent_codes[k][1]);
    return act;
}

/* Whether token i is a speech verb: "گفت", "قال", "said", or a Persian
 * statement noun with its verb ("خاطرنشان کرد"). */
static int rs_is_speech_at(const rs_tokens *t, size_t i)
{
    return rs_tok_is(t, i, RS_LIST(rs_speech_words)) ||
           (i > 0 && rs_tok_is(t, i, RS_LIST(rs_speech_light_verbs)) && rs_tok_is(t, i - 1, RS_LIST(rs_speech_nouns)));
}

/* "وی خاطرنشان کرد: رویکرد ایران ... مبتنی بر همکاری مشترک است": a
 * Persian cooperation noun (06) in a statement, with no verb doing it,
 * is the intent to cooperate (03), which CAMEO codes for what is said. */
static int rs_stated_cooperation(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr,
                                 const rs_cameo_info *info)
{
    if (c->lang != RS_LANG_FA || tr->light || strncmp(info->code, "06", 2) != 0 || c->readings[tr->last].n)
        return 0;
    for (size_t i = 0; i < tr->first; i++)
        if (rs_is_speech_at(t, i))
            return 1;
    return 0;
}

/* "درگیری میان ارمنستان و آذربایجان", "اشتباكات بين X وY", "talks
 * between A and B": the parties are the two joined actors after the
 * noun, each way. Returns whether the event was coded so. */
static int rs_code_between(rs_coder *c, const rs_tokens *t, const rs_trigger *tr, rs_event *e, rs_events *out)
{
    /* "گسترش روابط دیپلماتیک، فرهنگی و اقتصادی میان کابل و دوشنبه": a
     * few words may qualify the noun before "between". */
    size_t at = tr->last + 1;
    while (at < t->n && at <= tr->last + 8 && !rs_tok_is(t, at, RS_LIST(rs_between_words)) && !rs_is_clause_break(c, t, at) &&
           !rs_inside_actor(c, at))
        at++;
    /* A mediator acts between the parties, not they with each other. */
    if (at >= t->n || !rs_tok_is(t, at, RS_LIST(rs_between_words)) || !strncmp(e->cameo, "045", 3) ||
        !strncmp(e->cameo, "039", 3))
        return 0;
    /* "welcomed the ceasefire between Israel and Hamas": the parties are the
     * nearer event noun's. */
    for (size_t k = 0; k < c->n_triggers; k++)
        if (c->triggers[k].first > tr->last && c->triggers[k].first < at)
            return 0;
    /* "میان دو کشور", "بين البلدين": the last two parties named. */
    for (size_t k = 0; k < c->n_slots; k++)
        if (c->slots[k].pair && c->slots[k].first == at + 1) {
            for (int i = 0; i < 2; i++) {
                e->source = c->parties[i];
                e->target = c->parties[1 - i];
                rs_push_event(out, e, 0);
            }
            return 1;
        }
    int first = -1;
    for (size_t k = 0; k < c->n_slots; k++)
        if (!c->slots[k].hidden && !c->slots[k].pronoun && c->slots[k].first >= at + 1 && c->slots[k].first <= at + 2)
            first = (int)k;
    int group[8];
    size_t n = first < 0 ? 0 : rs_conjoined(c, t, first, group, 8);
    if (n < 2)
        return 0;
    /* The parties belong to the noun's phrase, not to the clause's verb. */
    for (size_t i = 0; i < n; i++)
        c->slots[group[i]].claimed = 1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j) {
                rs_copy_actor(c, group[i], &e->source);
                rs_copy_actor(c, group[j], &e->target);
                rs_push_event(out, e, 0);
            }
    return 1;
}

static int rs_starts_with(const char *w, const char *letter)
{
    return strncmp(w, letter, strlen(letter)) == 0;
}

/* Whether an Arabic word has the shape of a verbal noun (masdar): افتعال /
 * انفعال / استفعال (اغتيال، اختطاف، انفجار، استهداف) or تفعيل (تفجير،
 * تعذيب): a long vowel before the last letter after an ا or ت prefix. */
static int rs_arabic_masdar_shape(const rs_tokens *t, size_t i)
{
    const char *w = rs_stem(t, i);
    size_t n = t->items[i].stem_len, letters = 0, last = 0, before = 0;
    for (size_t k = 0; k < n; k++)
        if (((unsigned char)w[k] & 0xC0) != 0x80) {
            before = last;
            last = k;
            letters++;
        }
    /* Feminine and plural nouns: مظاهرة، هتافات، هجمات، تفجيرات. */
    if (letters >= 4 && n >= 4 && (strcmp(w + n - strlen("ات"), "ات") == 0 || strcmp(w + n - strlen("ه"), "ه") == 0))
        return 1;
    if (letters < 5 || rs_starts_with(w, "ا") + rs_starts_with(w, "ت") == 0)
        return 0;
    const char *v = w + before;
    return (strncmp(v, "ا", strlen("ا")) == 0 && rs_starts_with(w, "ا")) || strncmp(v, "ی", strlen("ی")) == 0;
}

/* A conflict noun standing alone in Arabic commentary ("اغتيال قيادي",
 * "مثل تفجير حافلة") names a kind of act, not a report of one: reports
 * use verbs (اغتيل، فجّر، قتل). Unless its own phrase names an actor
 * ("هجوم داعش على ..."), it is not coded. */
static int rs_is_topic(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_cameo_info *info)
{
    if (c->lang != RS_LANG_AR || info->quad != 4 || tr->first != tr->last || !rs_arabic_masdar_shape(t, tr->first))
        return 0;
    rs_roles own = rs_phrase_roles(c, t, tr);
    return own.source < 0 && own.target < 0;
}

/* "أكثر من عشرين قذيفة هاون انطلقت": shells and rockets are counted by
 * the barrage, within one incident, not by the attack. */
#define RS_MUNITION_CODE "194"

static int rs_is_munition(const rs_cameo_info *info)
{
    return !strcmp(info->code, RS_MUNITION_CODE);
}

/* "شهدت أفغانستان 140 هجوما انتحاريا في العام 2006", "عشرات الهجمات": ten
 * or more acts of violence or protest counted in Arabic are a statistic
 * over a period, not an incident; so is a running toll ("وصل عدد قتلى
 * أحداث الشغب إلى 38"), which adds up incidents reported elsewhere. A
 * count of people is not one of acts (rs_people_nouns_ar). */
#define RS_STATISTIC_COUNT 10

static int rs_is_statistic(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_cameo_info *info)
{
    if (c->lang != RS_LANG_AR || rs_incident_type(info->plover) < 0 || rs_is_munition(info))
        return 0;
    if (rs_tok_is(t, tr->first, RS_LIST(rs_toll_heads_ar)) || (tr->first > 0 && rs_tok_is(t, tr->first - 1, RS_LIST(rs_toll_heads_ar))))
        return 1;
    if (tr->first == 0 || rs_tok_is(t, tr->first, RS_LIST(rs_people_nouns_ar)))
        return 0;
    size_t i = tr->first - 1;
    if (t->items[i].kind == RS_TOKEN_NUMBER)
        return strtol(rs_norm(t, i), NULL, 10) >= RS_STATISTIC_COUNT;
    return rs_tok_is(t, i, RS_LIST(rs_many_words_ar));
}

/* Whether an Arabic act's clause names a natural disaster or an accident
 * (rs_disaster_words_ar, "حادث سير"): the dead were not attacked. */
static int rs_is_disaster(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang != RS_LANG_AR)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (rs_same_clause(c, i, tr->first) &&
            (rs_tok_is(t, i, RS_LIST(rs_disaster_words_ar)) ||
             (i > 0 && rs_tok_is(t, i - 1, RS_LIST(rs_accident_heads_ar)) && rs_tok_is(t, i, RS_LIST(rs_traffic_words_ar)))))
            return 1;
    return 0;
}

/* The PLOVER types whose events must read as incident reports
 * (rs_is_incident_report). */
static const struct {
    const char *plover;
    /* Whether a named doer of an Arabic noun marks a report: the crowd of
     * a protest is named ("تظاهرة طلاب الجامعة"), but the doer of a new
     * attack seldom is ("مسلحون مجهولون", "انتحاري"), while commentary
     * names states and groups as doers ("هجوم باكستان على طالبان"); on the
     * Arabic gold standard a named doer of an ASSAULT is no more often a
     * report than any other sentence. */
    int named_doer_ar;
    /* Whether an Arabic act named late in its sentence (rs_arabic_late)
     * needs two more points: attacks are reported in the lead, while a
     * protest is often told in a later clause ("..., حيث تظاهر المئات"). */
    int lead_ar;
    /* Whether an Arabic act of the crowd named with the article ("وردد
     * المتظاهرون هتافات", "أن المحتجين أحرقوا") goes on with a protest
     * already reported (rs_arabic_known_crowd). */
    int crowd_known_ar;
    /* Whether the size of the crowd right at an Arabic verb ("تجمع مئات",
     * "تظاهر 500 طالب") is a point of its own: a crowd is counted when
     * it gathers, while commentary speaks of protest without one. */
    int crowd_size_ar;
    /* Whether an Arabic noun carried by a past verb of its clause reads as
     * a verb (rs_arabic_carried): a launch carries an attack, while the
     * verbs that carry protests (خرجت، شهدت، قام) as often carry
     * commentary and riots on the Arabic gold standard. */
    int carried_ar;
} rs_incident_types[] = {{"ASSAULT", 0, 1, 0, 0, 1}, {"PROTEST", 1, 0, 1, 1, 0}};
#define RS_INCIDENT_TYPES (sizeof rs_incident_types / sizeof *rs_incident_types)

static int rs_incident_type(const char *plover)
{
    for (size_t k = 0; k < RS_INCIDENT_TYPES; k++)
        if (strcmp(plover, rs_incident_types[k].plover) == 0)
            return (int)k;
    return -1;
}

/* What in a sentence marks the report of an incident rather than a
 * mention of one ("after the attack", "the bombing that killed", "a
 * campaign of assassinations", "the protesters chanted"): a count (the
 * dead, the crowd), a time, a source, and for each incident type the
 * number of its triggers (an attack and its toll, a march and its
 * slogans). Found once per sentence. */
static void rs_incident_evidence(rs_coder *c, const rs_tokens *t)
{
    int number = 0, source = 0;
    memset(c->incident_triggers, 0, sizeof c->incident_triggers);
    for (size_t k = 0; k < c->n_triggers; k++) {
        int type = rs_trigger_incident_type(c, &c->triggers[k]);
        if (type >= 0)
            c->incident_triggers[type]++;
    }
    for (size_t i = 0; i < t->n; i++) {
        number |= t->items[i].kind == RS_TOKEN_NUMBER || rs_tok_is(t, i, RS_LIST(rs_count_words));
        source |= rs_tok_is(t, i, RS_LIST(rs_speech_words)) || rs_tok_is(t, i, RS_LIST(rs_attribution_words));
    }
    /* A dateline ("كابول (أ ف ب) -") names where and by whom it was filed. */
    for (size_t k = 0; k < c->n_slots; k++)
        source |= c->slots[k].first == 0 && c->slots[k].locative;
    c->incident_points = number + (c->dates.n > 0) + source;
}

/* Arabic letters the finite-verb test reads (after normalisation: ي ى
 * are ی, ة is ه). */
enum {
    RS_AR_ALEF = 0x627, RS_AR_BA = 0x628, RS_AR_TA = 0x62A, RS_AR_LAM = 0x644, RS_AR_MIM = 0x645,
    RS_AR_NUN = 0x646, RS_AR_HA = 0x647, RS_AR_WAW = 0x648, RS_AR_KAF = 0x6A9, RS_AR_YA = 0x6CC,
};
#define RS_AR_WORD 32

/* The letters of an Arabic word without its proclitics (و ف، ب ل ك س،
 * ال) and with its suffixes; *prep is the preposition taken off, or 0. */
static size_t rs_arabic_body(const rs_tokens *t, size_t i, uint32_t *w, uint32_t *prep)
{
    const char *s = rs_norm(t, i);
    size_t len = t->items[i].norm_len, at = 0, n = 0;
    uint16_t aff = t->items[i].affixes;
    while (at < len && n < RS_AR_WORD)
        w[n++] = rs_utf8_step(s, len, &at);
    size_t skip = (aff & RS_AFFIX_CONJ) != 0;
    *prep = 0;
    if ((aff & (RS_AFFIX_PREP | RS_AFFIX_FUTURE)) && skip < n)
        *prep = w[skip++];
    if ((aff & RS_AFFIX_ARTICLE) && skip < n)
        skip += *prep == RS_AR_LAM && w[skip] == RS_AR_LAM ? 1 : 2; /* لل: the article's ا is gone */
    if (skip >= n)
        return 0;
    memmove(w, w + skip, (n - skip) * sizeof *w);
    return n - skip;
}

/* The shapes of Arabic nouns, on a word with no suffix: مقتل (a م prefix),
 * هجوم، قتيل، تفجير، اغتيال، انفجار، قتال (a long vowel before the last
 * letter), قتلى، انتحاري (final ی), هجوما، قتيلا (tanwin). Verbs of the
 * same shapes are left out: أصيب، اغتيل (passives), اغتال، أغار (hollow),
 * أدى، اعتدى (defective). */
static int rs_arabic_noun_shape(const uint32_t *w, size_t n)
{
    if (n < 3)
        return 0;
    int alef_first = w[0] == RS_AR_ALEF;
    if (n >= 4 && w[0] == RS_AR_MIM)
        return 1;
    if (n >= 4 && w[n - 2] == RS_AR_YA)
        return !(alef_first && n <= 5);
    if (n >= 4 && w[n - 2] == RS_AR_WAW)
        return 1;
    if (n >= 4 && w[n - 2] == RS_AR_ALEF)
        return !(alef_first && (n == 4 || (n == 5 && w[2] == RS_AR_TA)));
    if (n == 5 && w[2] == RS_AR_ALEF && !alef_first && w[0] != RS_AR_TA)
        return 1; /* broken plurals: قنابل، مدافع (not تظاهر، تبادل) */
    if (w[n - 1] == RS_AR_YA)
        return !(alef_first && n <= 5);
    return n >= 4 && w[n - 1] == RS_AR_ALEF && w[n - 2] != RS_AR_WAW;
}

/* Whether an Arabic word follows a noun of kind or a preposition, itself
 * or through the bare words joined by و before it: "عمليات تفجير ونسف",
 * "حملة خطف وقتل ونهب" list masdars, not verbs. A word with the article
 * is no masdar of kind ("في الطرق واحرقوا"). */
static int rs_arabic_after_masdar_head(const rs_tokens *t, size_t i)
{
    while (i >= 2 && (t->items[i].affixes & RS_AFFIX_CONJ) && !rs_tok_is(t, i - 1, RS_LIST(rs_masdar_heads_ar)) &&
           !(t->items[i - 1].affixes & RS_AFFIX_ARTICLE))
        i--;
    return i > 0 && rs_tok_is(t, i - 1, RS_LIST(rs_masdar_heads_ar));
}

/* "تستهدف"، "يقتلون"، "يخطفون"، "يفجر أزمة": an imperfect verb of violence
 * (ی ت ن, with no سـ of the future nor a ل of purpose) tells a habit, an
 * aim, a claim or a metaphor rather than an incident. */
static int rs_arabic_imperfect_violence(const rs_tokens *t, size_t i)
{
    static const char *const stems[] = {"ستهدف", "قتل", "فجر", "خطف", "قاتل", NULL};
    static const char *const tails[] = {"", "ون", "ه", "هم", "ها", "ان", NULL};
    uint32_t w[RS_AR_WORD], prep;
    size_t n = rs_arabic_body(t, i, w, &prep);
    if (n < 3 || prep || (t->items[i].affixes & RS_AFFIX_ARTICLE) ||
        (w[0] != RS_AR_YA && w[0] != RS_AR_TA && w[0] != RS_AR_NUN))
        return 0;
    for (size_t k = 0; stems[k]; k++) {
        size_t at = 0, len = strlen(stems[k]), j = 1;
        while (at < len && j < n && rs_utf8_step(stems[k], len, &at) == w[j])
            j++;
        if (at < len)
            continue;
        for (size_t m = 0; tails[m]; m++) {
            size_t tat = 0, tlen = strlen(tails[m]), q = j;
            while (tat < tlen && q < n && rs_utf8_step(tails[m], tlen, &tat) == w[q])
                q++;
            if (tat == tlen && q == n)
                return 1;
        }
    }
    return 0;
}

/* Whether an Arabic trigger word is a finite verb (قتل، قتلت، قتلوا،
 * يقتلون، اغتاله) rather than a noun (مقتل، الهجوم، هجمات، تفجير، قتلى,
 * بقتل). Rough, by shape alone: a final ه is read as ة (عبوة، غارة), so
 * قتله counts as a noun. */
static int rs_arabic_finite_verb(const rs_tokens *t, size_t i)
{
    uint32_t w[RS_AR_WORD], prep;
    size_t n = rs_arabic_body(t, i, w, &prep);
    if (n < 3 || (t->items[i].affixes & RS_AFFIX_ARTICLE) || prep == RS_AR_BA || prep == RS_AR_KAF ||
        rs_arabic_after_masdar_head(t, i))
        return 0;
    uint32_t last = w[n - 1], before = w[n - 2];
    if (n >= 4 && ((before == RS_AR_ALEF && last == RS_AR_TA) || (before == RS_AR_YA && last == RS_AR_NUN)))
        return 0; /* هجمات، انتحاريين */
    if (last == RS_AR_TA || (before == RS_AR_WAW && last == RS_AR_ALEF))
        return 1; /* قتلت، قتلوا */
    int imperfect = w[0] == RS_AR_YA || w[0] == RS_AR_TA || w[0] == RS_AR_NUN;
    if (before == RS_AR_WAW && last == RS_AR_NUN)
        return imperfect; /* يقتلون, not انتحاريون */
    /* An object pronoun: قتلته، قتلوه، قتلهم; a bare ه is mostly ة. */
    size_t cut = last == RS_AR_HA ? 1 : (before == RS_AR_HA && (last == RS_AR_MIM || last == RS_AR_ALEF)) ? 2 : 0;
    if (cut && n - cut >= 3) {
        uint32_t end = w[n - cut - 1];
        if (end == RS_AR_TA && w[n - cut - 2] != RS_AR_ALEF)
            return 1;
        if (cut == 1 || end == RS_AR_TA)
            return end == RS_AR_WAW && n - cut >= 4;
        n -= cut;
    }
    if (prep == RS_AR_LAM && w[0] != RS_AR_YA && w[0] != RS_AR_TA)
        return 0; /* لقتل (a masdar), not ليقتل */
    if (w[0] == RS_AR_YA)
        return 1;
    return !rs_arabic_noun_shape(w, n);
}

/* An imperfect verb of the third person (ي، ت) or of "we" (ن): "سينفذ",
 * not the nouns that merely start with س (سيارة، ساكنيها). */
static int rs_arabic_third_person_verb(const rs_tokens *t, size_t i)
{
    uint32_t w[RS_AR_WORD], prep;
    size_t n = rs_arabic_body(t, i, w, &prep);
    return n >= 3 && (w[0] == RS_AR_YA || w[0] == RS_AR_TA || w[0] == RS_AR_NUN) && rs_arabic_finite_verb(t, i);
}

/* "يفيد بأن هجوما بالقنبلة سينفذ ظهرا": an Arabic act named by a noun
 * and carried by a verb in the future right after its phrase is planned,
 * not done. */
#define RS_FUTURE_CARRIER_AFTER 3

static int rs_arabic_future_carrier(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang != RS_LANG_AR)
        return 0;
    for (size_t j = tr->last + 1; j < t->n && j <= tr->last + RS_FUTURE_CARRIER_AFTER && rs_same_clause(c, j, tr->last); j++)
        if ((t->items[j].affixes & RS_AFFIX_FUTURE) && rs_arabic_third_person_verb(t, j))
            return 1;
    return 0;
}

/* Whether an Arabic act is named late in its report: more than ten tokens
 * after the sentence's start or the last speech verb, attribution or
 * complementiser ("قال مصدر إن", "أفاد بأن", "قال: «"; rs_report_openers_ar).
 * A report leads with its act ("قتل 15 شخصا", "قالت الشرطة إن عبوة
 * انفجرت"); an act named further in is background to other news ("وكرر
 * الوزير أن بلاده لن تنسحب على الرغم من مقتل ثلاثة جنود"). */
#define RS_LEAD_TOKENS 10

/* Where an Arabic sentence's lead starts: after an opening phrase of
 * place or time set off by commas ("والى الشرق من حي الشجاعية، شرق مدينة
 * غزة، اطلقت طائرة"), which frames the report rather than delaying it. A
 * phrase opens with a preposition; the lead starts after its last comma
 * within the lead's length. */
static size_t rs_arabic_lead_start(const rs_tokens *t, size_t at)
{
    if (t->n == 0 || !(rs_tok_is(t, 0, RS_LIST(rs_target_markers)) || rs_tok_is(t, 0, RS_LIST(rs_locative_markers)) ||
                       (t->items[0].affixes & RS_AFFIX_PREP)))
        return 0;
    size_t from = 0;
    for (size_t i = 1; i < at && i <= RS_LEAD_TOKENS; i++)
        if (rs_tok_is(t, i, RS_LIST(rs_inner_punct)) && rs_norm(t, i)[0] != '(' && rs_norm(t, i)[0] != ')')
            from = i + 1;
    return from;
}

static int rs_arabic_late(const rs_tokens *t, size_t at)
{
    size_t from = rs_arabic_lead_start(t, at);
    for (size_t i = from; i < at; i++)
        if (rs_tok_is(t, i, RS_LIST(rs_speech_words)) || rs_tok_is(t, i, RS_LIST(rs_complementisers)) ||
            rs_tok_is(t, i, RS_LIST(rs_attribution_words)) || rs_tok_is(t, i, RS_LIST(rs_report_openers_ar)))
            from = i + 1;
    return at - from > RS_LEAD_TOKENS;
}

/* Whether an Arabic act is followed right away by its toll ("وقتل 52
 * شخصا", "أدى إلى مقتل 59") or its crowd, in its words or right after
 * them ("تجمع مئات"): a verb with its toll reports the act
 * wherever it stands in the sentence. A count a word further on is as
 * often a recalled attack ("عندما انفجرت فيهم ست قنابل"). */
static int rs_arabic_toll(const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t i = tr->first + 1; i <= tr->last + 1 && i < t->n; i++)
        if (t->items[i].kind == RS_TOKEN_NUMBER || rs_tok_is(t, i, RS_LIST(rs_count_words)))
            return 1;
    return 0;
}

/* Whether a count stands a few words before an Arabic verb in its clause:
 * the subject of "وكان 1000 لاجئ قد احتشدوا", "الآلاف من النيباليين خرجوا"
 * is the size of the crowd, as in "تجمع مئات" after the verb. */
#define RS_CROWD_BEFORE 8

static int rs_arabic_crowd_before(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t i = tr->first > RS_CROWD_BEFORE ? tr->first - RS_CROWD_BEFORE : 0; i < tr->first; i++)
        if (rs_same_clause(c, i, tr->first) && (t->items[i].kind == RS_TOKEN_NUMBER || rs_tok_is(t, i, RS_LIST(rs_count_words))))
            return 1;
    return 0;
}

/* Whether the doer of an Arabic act, in its words or right beside them,
 * is a crowd named with the article (المتظاهرون، المحتجين; the crowd
 * nouns of rs_people_nouns_ar): what a crowd the story has already
 * reported did next, not a new protest. */
static int rs_arabic_known_crowd(const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t i = tr->first ? tr->first - 1 : 0; i <= tr->last + 1 && i < t->n; i++)
        if ((t->items[i].affixes & RS_AFFIX_ARTICLE) && rs_tok_is(t, i, RS_LIST(rs_people_nouns_ar)))
            return 1;
    return 0;
}

/* Whether an Arabic act is the known crowd's (rs_arabic_known_crowd), or a
 * verb joined by و or كما to the act before it with no doer named between
 * them ("أن المتظاهرين أقاموا حواجز وأحرقوا ثلاث آليات، كما أحرقوا ..."):
 * the joined verb goes on with the same crowd. */
static int rs_arabic_crowd_act(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int type)
{
    if (rs_arabic_known_crowd(t, tr))
        return 1;
    size_t i = tr->first;
    int joined = (t->items[i].affixes & RS_AFFIX_CONJ) || (i > 0 && strcmp(rs_norm(t, i - 1), "کما") == 0);
    if (!joined || !rs_arabic_finite_verb(t, i))
        return 0;
    const rs_trigger *prev = NULL;
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *o = &c->triggers[k];
        if (o->last < i && (!prev || o->last > prev->last) && rs_trigger_incident_type(c, o) == type)
            prev = o;
    }
    if (!prev || !rs_arabic_finite_verb(t, prev->first))
        return 0;
    for (size_t k = 0; k < c->n_slots; k++)
        if (c->slots[k].first > prev->last && c->slots[k].first < i && !c->slots[k].locative)
            return 0;
    for (size_t j = prev->last + 1; j < i; j++)
        if (rs_tok_is(t, j, RS_LIST(rs_people_nouns_ar)))
            return 0;
    return rs_arabic_crowd_act(c, t, prev, type);
}

/* Whether an act of the incident type that is not the known crowd's
 * comes before the trigger in its sentence: "اندلعت مظاهرات ..., ورفع
 * المتظاهرون شعارات" reports the protest, then what its crowd did. */
static int rs_reported_before(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int type)
{
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *o = &c->triggers[k];
        if (o->last < tr->first && rs_trigger_incident_type(c, o) == type && !rs_arabic_crowd_act(c, t, o, type))
            return 1;
    }
    return 0;
}

/* Whether an Arabic act named by a noun is carried by a past verb before
 * it in its clause (rs_carrier_verbs_ar), or by its passive a few words
 * after: "أطلقت بعد حلول الليل طائرة صواريخ على بيتين" reports the act as
 * a verb does. */
#define RS_CARRIED_AFTER 3

static int rs_arabic_carried(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t i = 0; i < tr->first; i++)
        if (rs_same_clause(c, i, tr->first) && rs_tok_is(t, i, RS_LIST(rs_carrier_verbs_ar)))
            return 1;
    /* The passive right after the noun's phrase: "ان هجوما بالقذائف نفذ ضد
     * مدرسة"; a relative pronoun would make it background. */
    for (size_t i = tr->last + 1; i < t->n && i <= tr->last + RS_CARRIED_AFTER && rs_same_clause(c, i, tr->first); i++) {
        if (rs_tok_is(t, i, RS_LIST(rs_relative_words)))
            return 0;
        if (rs_norm_is(t, i, RS_LIST(rs_carrier_verbs_ar)))
            return 1;
    }
    return 0;
}

/* Acts told as the condition of people rather than as incidents: torture,
 * mostly as detainees' claims ("قال إنه تعرض للتعذيب"). In Arabic they
 * need a noun's evidence whatever their form. */
static const char *const rs_condition_codes[] = {"1822", NULL};

static int rs_is_condition(const rs_cameo_info *info)
{
    for (const char *const *p = rs_condition_codes; *p; p++)
        if (!strcmp(info->code, *p))
            return 1;
    return 0;
}

/* Whether a past verb's doer is an unidentified attacker ("مسلحون
 * مجهولون اغتالوا", the UAF code of dict/agents.txt): commentary names
 * states and groups as doers, while unknown gunmen appear in reports of
 * new attacks. The imperfect ("المجهولون يخطفون الناس") is habit. */
static int rs_unknown_attacker(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_roles *r)
{
    return r->source >= 0 && !strcmp(c->found.items[c->slots[r->source].actor].code, "UAF") &&
           !rs_starts_with(rs_stem(t, tr->first), "ی");
}

/* Whether an indefinite Arabic attack noun after في or ب is the cause of
 * a toll its clause leads with ("لقي 26 شخصا ... في هجوم انتحاري",
 * "قتل 20 شخصا ... بانفجار"): the dead lead the report, so the attack
 * named late is the incident, not background to other news. */
static int rs_toll_cause(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    size_t i = tr->first;
    int after_in = (i > 0 && rs_tok_is(t, i - 1, RS_LIST(rs_locative_markers))) || (t->items[i].affixes & RS_AFFIX_PREP);
    if (!after_in || (t->items[i].affixes & RS_AFFIX_ARTICLE))
        return 0;
    for (size_t k = 0; k + 1 < i; k++)
        if (rs_same_clause(c, k, i) && (rs_tok_is(t, k, RS_LIST(rs_arabic_victim_verbs)) || !strcmp(rs_stem(t, k), "لقی")) &&
            (t->items[k + 1].kind == RS_TOKEN_NUMBER || rs_tok_is(t, k + 1, RS_LIST(rs_count_words))))
            return 1;
    return 0;
}

/* Whether a violent or protest event is reported as an incident: the
 * sentence's evidence (rs_incident_evidence), and a named doer, give one
 * point each; Persian and English need one. Arabic commentary names kinds
 * of violence far more often, mostly with nouns, so Arabic needs two for a
 * finite verb (or a noun a negation governs: "أحبطت هجوما") and three for a
 * noun, and counts a named doer of an attack only with a verb
 * (docs/events.md, "Incidents"). A Persian light verb ("بمباران کردند") is
 * a finite report already. */
static int rs_is_incident_report(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr,
                                 const rs_cameo_info *info, const rs_roles *r)
{
    int type = rs_incident_type(info->plover);
    if (type < 0 || tr->light)
        return 1;
    int named = r->source >= 0 && !c->slots[r->source].bare;
    int points = c->incident_points + (c->incident_triggers[type] >= 2);
    if (c->lang != RS_LANG_AR)
        return points + named >= 1;
    int claimed, negated = rs_find_modality(c, t, tr, &claimed) == RS_MOD_NEGATED;
    int verb = !rs_is_condition(info) && (rs_arabic_finite_verb(t, tr->first) ||
                                          (rs_incident_types[type].carried_ar && rs_arabic_carried(c, t, tr)) || negated);
    points += (named && (verb || rs_incident_types[type].named_doer_ar)) || (verb && rs_unknown_attacker(c, t, tr, r));
    if (rs_incident_types[type].crowd_known_ar && rs_arabic_crowd_act(c, t, tr, type) && !rs_reported_before(c, t, tr, type))
        return 0;
    points += rs_incident_types[type].crowd_size_ar && verb && (rs_arabic_toll(t, tr) || rs_arabic_crowd_before(c, t, tr));
    if (verb && rs_arabic_imperfect_violence(t, tr->first) && !negated)
        return 0;
    int late = rs_incident_types[type].lead_ar && rs_arabic_late(t, tr->first) && !(verb && rs_arabic_toll(t, tr)) &&
               !rs_toll_cause(c, t, tr);
    return points >= (verb ? 2 : 3) + 2 * late;
}

/* "با یکدیگر درگیر شدند", "clashed with each other": the joined subjects
 * act on one another. */
static int rs_reciprocal(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    for (size_t i = tr->first > 3 ? tr->first - 3 : 0; i < t->n && i <= tr->last + 3; i++)
        if (rs_tok_is(t, i, RS_LIST(rs_reciprocal_words)) && rs_same_clause(c, i, tr->first))
            return 1;
    return 0;
}

/* Acts two parties do together: meet (04), agree (03), sign (057),
 * cooperate (06). */
static int rs_is_joint(const rs_cameo_info *info)
{
    static const char *const joint[] = {"03", "04", "057", "06"};
    for (size_t k = 0; k < sizeof joint / sizeof *joint; k++)
        if (strncmp(info->code, joint[k], strlen(joint[k])) == 0)
            return 1;
    return 0;
}

/* "واتفق الجانبان على": the two sides written inside the pattern. */
static int rs_pair_in_trigger(const rs_coder *c, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->n_slots; k++)
        if (c->slots[k].pair && c->slots[k].first >= tr->first && c->slots[k].last <= tr->last)
            return 1;
    return 0;
}

/* Remembers the parties named, for a later "the two sides". */
static void rs_note_party(rs_coder *c, const rs_event_actor *a)
{
    if (!a->present || !a->root[0] || (c->parties[0].present && !strcmp(c->parties[0].root, a->root)))
        return;
    c->parties[1] = c->parties[0];
    c->parties[0] = *a;
}

/* "دو طرف بر گسترش همکاری تأکید کردند", "the two sides agreed": the last
 * two parties named, with each other for a joint act, or each with the
 * target. */
static void rs_code_pair(rs_coder *c, const rs_cameo_info *info, int target, rs_event *e, rs_events *out)
{
    rs_event_actor two[2] = {c->parties[0], c->parties[1]};
    for (int i = 0; i < 2; i++) {
        e->source = two[i];
        if (target >= 0)
            rs_copy_actor(c, target, &e->target);
        else if (rs_is_joint(info))
            e->target = two[1 - i];
        else
            memset(&e->target, 0, sizeof e->target);
        rs_push_event(out, e, 0);
    }
}

/* The state where a mission named in the trigger sits: "فعالیت سفارت
 * آذربایجان در کابل متوقف شد" is toward Afghanistan. Fills *host and
 * returns the token of the mission word, or -1. */
static long rs_mission_host(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, rs_event_actor *host)
{
    for (size_t m = tr->first; m <= tr->last; m++) {
        if (!rs_tok_is(t, m, RS_LIST(rs_mission_words)))
            continue;
        for (size_t i = m + 1; i + 1 < t->n && i <= tr->last + 4 && rs_same_clause(c, i, m); i++) {
            size_t last;
            int entry = rs_tok_is(t, i, RS_LIST(rs_host_markers)) ? rs_place_at(c, t, i + 1, &last) : -1;
            if (entry < 0)
                continue;
            float lat, lon;
            memset(host, 0, sizeof *host);
            if (!rs_lexicon_place(c->places, entry, host->code, &lat, &lon))
                return -1;
            host->present = 1;
            host->start = t->items[i + 1].start;
            host->end = t->items[last].end;
            host->entry = host->agent = -1;
            memcpy(host->root, host->code, sizeof host->root);
            return (long)m;
        }
    }
    return -1;
}

/* An act of a mission named in the trigger: its owner ("سفارت
 * آذربایجان") is the source, the host state the target. */
static void rs_mission_roles(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, rs_roles *r,
                             rs_event_actor *host)
{
    host->present = 0;
    long m = rs_mission_host(c, t, tr, host);
    if (m < 0)
        return;
    r->target = -1;
    for (size_t k = 0; k < c->n_slots; k++) {
        const rs_slot *s = &c->slots[k];
        if (!s->hidden && !s->pronoun && !s->bare && !s->locative && (s->first == (size_t)m || s->first == (size_t)m + 1))
            r->source = (int)k;
    }
}

/* The root of a slot's actor, or "" for a pronoun or none. */
static const char *rs_slot_root(const rs_coder *c, int slot)
{
    if (slot < 0 || c->slots[slot].actor < 0)
        return "";
    return c->found.items[c->slots[slot].actor].root;
}

/* Whether a trigger is a bare pledge (03 ending with its intent cue:
 * "تعهّدت", "agreed to"); "agreed to a ceasefire" says what it promises. */
static int rs_bare_pledge(const rs_coder *c, const rs_trigger *tr)
{
    if (strncmp(rs_lexicon_cameo(c->events, tr->entry), "03", 2) != 0)
        return 0;
    for (size_t k = 0; k < c->n_cues; k++)
        if (c->cues[k].last == tr->last && c->cues[k].modality == RS_MOD_INTENDED)
            return 1;
    return 0;
}

/* Whether an act is what a bare pledge right before it promises. */
static int rs_promises(const rs_coder *c, const rs_trigger *pledge, const rs_trigger *act)
{
    const char *code = rs_lexicon_cameo(c->events, act->entry);
    return act->first > pledge->last && act->first <= pledge->last + 2 && rs_same_clause(c, act->first, pledge->last) &&
           strncmp(code, "01", 2) != 0 && strncmp(code, "02", 2) != 0 && strncmp(code, "03", 2) != 0;
}

/* The bare pledge whose promise the trigger is, or NULL: the act then has
 * the pledge's parties ("Jordan and Britain agreed to undertake joint
 * exercises"). */
static const rs_trigger *rs_pledge_of(const rs_coder *c, const rs_trigger *tr)
{
    for (size_t k = 0; k < c->n_triggers; k++)
        if (rs_bare_pledge(c, &c->triggers[k]) && rs_promises(c, &c->triggers[k], tr))
            return &c->triggers[k];
    return NULL;
}

/* "وقد تعهّدت طرد المتشدّدين", "pledged to release the prisoners": a
 * pledge (03) right before the act it promises is coded as that act's
 * intent (0353 and the like, by rs_intent_codes), not as a bare pledge. */
static int rs_pledge_with_content(const rs_coder *c, const rs_trigger *tr)
{
    if (!rs_bare_pledge(c, tr))
        return 0;
    for (size_t k = 0; k < c->n_triggers; k++)
        if (rs_promises(c, tr, &c->triggers[k]))
            return 1;
    return 0;
}

/* Whether a Persian light verb is in the past: its word starts with the
 * verb's past stem (کرد، شد، داد), after a negation ن. */
static int rs_past_light_verb(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    const char *w = rs_norm(t, tr->verb_first);
    if (strncmp(w, "ن", strlen("ن")) == 0 && strncmp(w, "نمی", strlen("نمی")) != 0)
        w += strlen("ن");
    const rs_readings *rs = &c->readings[tr->verb_first];
    for (size_t k = 0; k < rs->n; k++) {
        const char *name = rs_light_verb_name(rs->r[k].verb);
        size_t stem = strlen(name) - strlen("ن");
        if (strncmp(w, name, stem) == 0)
            return 1;
    }
    return 0;
}

/* "فإما أن تعود لتقتل أبناء فلسطين", "تمويلا لتفجير سيارة مفخخة": an
 * Arabic verb or masdar of violence or protest with the ل of purpose (no
 * article) says what an act was for, not what happened. Other acts are
 * left alone: a ل there is as often the word's own (لقاء). A م-masdar
 * after ل is a result or an object ("أدى لمقتل", "إدانة لمقتل"), not a
 * purpose. */
static int rs_arabic_purpose(const rs_tokens *t, size_t i)
{
    uint32_t w[RS_AR_WORD], prep;
    size_t n = rs_arabic_body(t, i, w, &prep);
    return n >= 3 && prep == RS_AR_LAM && !(t->items[i].affixes & RS_AFFIX_ARTICLE) && w[0] != RS_AR_MIM;
}

/* "حدود ۵ هزار نفر به آذربایجان فرستاد تا از خاک آن کشور دفاع کنند": a
 * Persian clause opened by تا with a verb in the subjunctive says what
 * the main act was for (or until when), not what happened. */
static int rs_purpose_clause(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    if (c->lang == RS_LANG_AR)
        return rs_trigger_incident_type(c, tr) >= 0 && rs_arabic_purpose(t, tr->first);
    if (c->lang != RS_LANG_FA || !tr->light || tr->future || rs_past_light_verb(c, t, tr) ||
        (t->items[tr->verb_first].affixes & RS_AFFIX_VERB_PREFIX))
        return 0;
    size_t i = tr->first;
    while (i > 0 && rs_same_clause(c, i - 1, tr->first))
        i--;
    return strcmp(rs_norm(t, i), "تا") == 0;
}

/* Whether the trigger is a "must" (باید، يجب على، must): a demand only in
 * a speaker's words. */
static int rs_is_obligation(const rs_tokens *t, const rs_trigger *tr, const rs_cameo_info *info)
{
    return strcmp(info->code, "100") == 0 && rs_tok_is(t, tr->first, RS_LIST(rs_obligation_words));
}

/* "وزارت خارجه گفت که ... ارمنستان باید به اشغال پایان دهد": the speaker
 * demands of the party that must act. The speaker is the subject of a
 * clause before a speech verb; the party, the subject before the modal
 * (Arabic: the actor after على). Returns 0 when either is missing or
 * they are the same state ("we must"). */
static int rs_obligation_roles(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, rs_roles *r)
{
    int spoken = 0;
    for (size_t i = 0; i < tr->first && !spoken; i++)
        spoken = rs_is_speech_at(t, i);
    if (!spoken)
        return 0;
    r->passive = 0;
    r->target = c->lang == RS_LANG_AR ? rs_slot_after(c, tr, -1, 3, rs_any_slot) : rs_subject_before(c, tr, 0);
    r->source = rs_previous_subject(c, tr);
    return r->source >= 0 && r->target >= 0 && strcmp(rs_slot_root(c, r->source), rs_slot_root(c, r->target)) != 0;
}

/* "متقی گفت که روسیه ... جایگاه ویژه‌ای دارد و از طرف روسی تشکر کرد": a
 * state named as the target is not its own source; the subject the clause
 * dropped is the speaker's. */
static void rs_not_toward_itself(const rs_coder *c, const rs_trigger *tr, rs_roles *r)
{
    const char *source = rs_slot_root(c, r->source), *target = rs_slot_root(c, r->target);
    if (!source[0] || strcmp(source, target) != 0 || c->slots[r->source].first == c->slots[r->target].first)
        return;
    int speaker = rs_previous_subject(c, tr);
    if (speaker >= 0 && strcmp(rs_slot_root(c, speaker), target) != 0)
        r->source = speaker;
}

/* Remembers a meeting reported as having happened in the last week, for
 * what its sides say there. */
static void rs_note_meeting(rs_coder *c, const rs_event *e, int32_t pub_day)
{
    if (strncmp(e->cameo, "04", 2) != 0 || e->modality != RS_MOD_ASSERTED || !e->source.present ||
        !e->target.present || !e->source.root[0] || !e->target.root[0])
        return;
    /* Only the news: "Moscow held several meetings with the group in the
     * years before" is background, and what is said now is not said there. */
    int32_t day;
    if (e->date_precision != RS_DATE_DAY || rs_days_parse(e->date, &day) != 0 || pub_day < 0 ||
        day < pub_day - 7 || day > pub_day)
        return;
    c->meeting[0] = e->source;
    c->meeting[1] = e->target;
    c->meeting_sent = e->sent;
}

/* "وفا در این دیدار ... او همچنین خواستار هماهنگی عملیاتی شد": what one
 * side of a meeting reported in the last two sentences asks or offers
 * with no one named is addressed to the other side. */
static void rs_meeting_addressee(const rs_coder *c, const rs_cameo_info *info, rs_event *e)
{
    /* Appeals (10) and cooperative words (01 to 05, less the meeting
     * itself); a condemnation's target is what is condemned, not the host. */
    int verbal = (info->quad == 1 && strncmp(info->code, "04", 2) != 0) || strncmp(info->code, "10", 2) == 0;
    if (!verbal || !e->source.present || !e->source.root[0] || !c->meeting[0].present || e->sent < c->meeting_sent ||
        e->sent - c->meeting_sent > 2)
        return;
    for (int k = 0; k < 2; k++)
        if (!strcmp(c->meeting[k].root, e->source.root) && strcmp(c->meeting[1 - k].root, e->source.root) != 0) {
            e->target = c->meeting[1 - k];
            return;
        }
}

/* An attack with no named victim hits the country where it happened: "a
 * concert hall in Moscow" is a Russian target. */
static int rs_place_is_target(const rs_event *e, size_t n_targets)
{
    return n_targets == 0 && e->has_location && strcmp(e->plover, "ASSAULT") == 0;
}

static void rs_target_from_place(rs_event *e)
{
    memset(&e->target, 0, sizeof e->target);
    e->target.present = 1;
    e->target.start = e->place_start;
    e->target.end = e->place_end;
    e->target.entry = e->target.agent = -1;
    memcpy(e->target.code, e->place_country, 4);
    memcpy(e->target.root, e->place_country, 4);
}

/* "اعتداءات مدريد في 11 مارس 2004": in Arabic, violence or protest dated
 * over a year before the story is history the story recalls, not an
 * incident it reports (the Arabic gold standard's reading). Persian and
 * English tables code such history ("درگیری‌های ۱۳۷۳"), so they keep it. */
#define RS_HISTORY_DAYS 365

static int rs_is_history(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_doc_state *st,
                         const rs_cameo_info *info)
{
    const rs_date_mention *m = rs_event_date(c, t, tr);
    return c->lang == RS_LANG_AR && rs_incident_type(info->plover) >= 0 && m && st->pub_day >= 0 &&
           m->last < st->pub_day - RS_HISTORY_DAYS;
}

/* "سخنگو حمله رژیم صهیونیستی به سوریه را محکوم کرد": a reference's own
 * doer belongs to its phrase, never to the clause's verb. */
static void rs_claim_phrase(rs_coder *c, const rs_tokens *t, const rs_trigger *tr)
{
    rs_roles r = rs_phrase_roles(c, t, tr);
    /* Only its genitive, right after it: "ورداً على عملية الاختطاف، قصفت
     * كتائب القسام" has the doer of the next clause three words on. */
    if (r.source >= 0 && c->slots[r.source].first == tr->last + 1)
        c->slots[r.source].claimed = 1;
}


/* Whether an Arabic attack verb's toll is counted a few words on, by an
 * act of its type with a count beside it ("تعرض لقصف صاروخي في وقت سابق
 * الأربعاء، أسفر عن سقوط خمسة قتلى"): the dead say whom it struck. */
#define RS_LATER_TOLL 15

static int rs_arabic_later_toll(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, int type)
{
    for (size_t k = 0; k < c->n_triggers; k++) {
        const rs_trigger *o = &c->triggers[k];
        if (o->first <= tr->last || o->first - tr->last > RS_LATER_TOLL || rs_trigger_incident_type(c, o) != type)
            continue;
        size_t i = o->first - 1;
        if (rs_arabic_toll(t, o) || t->items[i].kind == RS_TOKEN_NUMBER || rs_tok_is(t, i, RS_LIST(rs_count_words)))
            return 1;
    }
    return 0;
}

/* Whether an Arabic incident that names no party and no place the
 * gazetteer knows is told as one all the same: placed by a common noun of
 * place after a locative in its clause ("انفجرت سيارة مفخخة في موقف
 * السيارات", a village the gazetteer lacks: "في قرية البوفياض"), or, for an
 * attack, followed by its toll, which says whom it struck: right after a
 * finite verb ("أسفرت عن مقتل 30 شخصا") or, for a verb or a noun, a few
 * words on ("وأدى هجوم انتحاري ... إلى مقتل 71 شخصا"); or told as a suicide
 * bomber's act. */
#define RS_SUICIDE_BOMBING "1831"

static int rs_told_incident(const rs_coder *c, const rs_tokens *t, const rs_trigger *tr, const rs_cameo_info *info)
{
    if (c->lang != RS_LANG_AR || rs_incident_type(info->plover) < 0)
        return 0;
    for (size_t i = 0; i + 1 < t->n; i++)
        if (rs_same_clause(c, i, tr->first) && rs_tok_is(t, i, RS_LIST(rs_locative_markers)) && rs_tok_is(t, i + 1, RS_LIST(rs_place_nouns_ar)))
            return 1;
    /* A protest's count is its crowd, not whom it struck. A suicide
     * bomber blowing himself up ("فجر انتحاري نفسه") is the doer in the
     * verb's own words, a role the gazetteer and the actors lack. */
    if (strcmp(info->plover, "ASSAULT"))
        return 0;
    if (rs_arabic_later_toll(c, t, tr, rs_incident_type(info->plover)))
        return 1;
    return rs_arabic_finite_verb(t, tr->first) && (rs_arabic_toll(t, tr) || !strcmp(info->code, RS_SUICIDE_BOMBING));
}

static void rs_code_trigger(rs_coder *c, const rs_tokens *t, const rs_sentence *sent, const rs_trigger *tr,
                            const rs_doc_state *st, rs_events *out)
{
    const rs_cameo_info *info = rs_cameo_find(rs_lexicon_cameo(c->events, tr->entry));
    if (!info || (!info->plover[0] && !st->all_cameo))
        return;
    int embedded = tr->embedded;
    if (rs_is_reference(c, t, tr, embedded)) {
        rs_claim_phrase(c, t, tr);
        return;
    }
    if (rs_is_topic(c, t, tr, info) || rs_pledge_with_content(c, tr) ||
        rs_purpose_clause(c, t, tr) || rs_is_statistic(c, t, tr, info) ||
        (!strcmp(info->plover, "ASSAULT") && rs_is_disaster(c, t, tr)))
        return;
    /* Unnamed actors ("gunmen", "protesters") are parties only to
     * material conflict, where the news often names no one else. */
    int conflict = info->quad == 4;
    for (size_t k = 0; k < c->n_slots; k++)
        c->slots[k].hidden = (c->slots[k].bare && !conflict) || c->slots[k].merged;
    const rs_trigger *pledge = rs_pledge_of(c, tr);
    rs_roles r = rs_find_roles(c, t, pledge ? pledge : tr);
    if (!rs_is_incident_report(c, t, tr, info, &r) || rs_is_history(c, t, tr, st, info))
        return;
    if (rs_is_obligation(t, tr, info) && !rs_obligation_roles(c, t, tr, &r))
        return;
    rs_event_actor host;
    rs_mission_roles(c, t, tr, &r, &host);
    rs_not_toward_itself(c, tr, &r);
    int carried = 0, pair = (r.source >= 0 && c->slots[r.source].pair) || rs_pair_in_trigger(c, tr);
    if (!pair)
        rs_fill_roles(c, t, tr, embedded, &r, &carried);
    /* With no named subject, an unnamed one ("the president", "officials")
     * is better than none. */
    if (r.source < 0 && !carried && !pair && !r.passive && !embedded && !conflict) {
        for (size_t k = 0; k < c->n_slots; k++)
            c->slots[k].hidden = c->slots[k].merged;
        rs_roles again = rs_find_roles(c, t, tr);
        rs_fill_roles(c, t, tr, embedded, &again, &carried);
        if (again.source >= 0 && c->slots[again.source].bare)
            r.source = again.source;
        for (size_t k = 0; k < c->n_slots; k++)
            c->slots[k].hidden = (c->slots[k].bare && !conflict) || c->slots[k].merged;
    }
    /* "نشست مشترک با وزارت مرزهای تاجیکستان برگزار شد": a meeting with
     * someone, held by no one named, was held by the story's subject. */
    if (r.source < 0 && !carried && r.target >= 0 && !strncmp(info->code, "04", 2) && c->carry.present)
        carried = 1;
    int sources[8], targets[8];
    size_t ns = rs_conjoined(c, t, r.source, sources, 8), nt = rs_conjoined(c, t, r.target, targets, 8);
    rs_event e;
    memset(&e, 0, sizeof e);
    e.sent = sent->number;
    e.span_start = sent->start;
    e.span_end = sent->end;
    e.trigger_start = t->items[tr->first].start;
    e.trigger_end = t->items[tr->last].end;
    memcpy(e.cameo, info->code, sizeof e.cameo);
    memcpy(e.plover, info->plover, sizeof e.plover);
    e.goldstein = info->goldstein;
    e.quad = info->quad;
    e.pattern = tr->entry;
    e.modality = rs_find_modality(c, t, tr, &e.claimed);
    if (e.modality == RS_MOD_INTENDED || rs_stated_cooperation(c, t, tr, info)) {
        const rs_cameo_info *intent = rs_intent_of(info);
        if (intent) {
            memcpy(e.cameo, intent->code, sizeof e.cameo);
            memcpy(e.plover, intent->plover, sizeof e.plover);
            e.goldstein = intent->goldstein;
            e.quad = intent->quad;
        }
    }
    e.passive = r.passive;
    rs_event_when(c, t, tr, st, &e);
    rs_event_place(c, t, tr, &e);
    if (rs_code_between(c, t, tr, &e, out))
        return;
    int told = !e.has_location && rs_told_incident(c, t, tr, info);
    if (pair) {
        rs_code_pair(c, info, nt ? targets[0] : -1, &e, out);
        return;
    }
    int place_target = rs_place_is_target(&e, nt);
    /* "Uzbekistan and Afghanistan signed an agreement", "ایران و پاکستان
     * دیدار کردند": joint acts with no other party are between the
     * joined actors, each way. */
    if (nt == 0 && ns >= 2 && (rs_is_joint(rs_cameo_find(e.cameo)) || rs_reciprocal(c, t, tr))) {
        memcpy(targets, sources, sizeof sources);
        nt = ns;
    }
    for (size_t i = 0; i < (ns ? ns : 1); i++)
        for (size_t j = 0; j < (nt ? nt : 1); j++) {
            if (ns)
                rs_copy_actor(c, sources[i], &e.source);
            else if (carried)
                e.source = c->carry;
            else
                memset(&e.source, 0, sizeof e.source);
            if (nt && ns && sources[i] == targets[j])
                continue;
            rs_copy_actor(c, nt ? targets[j] : -1, &e.target);
            if (place_target)
                rs_target_from_place(&e);
            else if (!nt && host.present)
                e.target = host;
            else if (!nt)
                rs_meeting_addressee(c, info, &e);
            rs_push_event(out, &e, told);
            rs_note_meeting(c, &e, st->pub_day);
            rs_note_party(c, &e.source);
            rs_note_party(c, &e.target);
        }
    if (embedded) {
        for (size_t i = 0; i < ns; i++)
            c->slots[sources[i]].claimed = 1;
    } else if (ns && !r.passive) {
        rs_copy_actor(c, sources[0], &c->carry);
        c->carry_sent = sent->number;
    }
}

/* Remembers the last group (an entry of dict/actors/organisations.txt)
 * and the last state the sentence names, for the definite nouns that
 * stand for them later. */
static void rs_note_antecedents(rs_coder *c, int sent)
{
    int seen[RS_ANTECEDENT_KINDS] = {0};
    for (size_t k = c->found.n; k-- > 0;) {
        const rs_actor_mention *a = &c->found.items[k];
        if (!a->root[0])
            continue;
        int kind = rs_antecedent_kind(c->actors, a->entry);
        if (kind < 0 || seen[kind])
            continue;
        seen[kind] = 1;
        c->antecedent[kind] = *a;
        c->antecedent_sent[kind] = sent;
        c->has_antecedent[kind] = 1;
    }
}

/* The day that picks each actor's code: the sentence's first date, else
 * the running context. */
static void rs_sentence_day(const rs_coder *c, const rs_doc_state *st, char out[11])
{
    out[0] = '\0';
    const rs_date_mention *m = c->dates.n ? &c->dates.items[0] : NULL;
    if (!m && st->context.current.precision != RS_DATE_NONE)
        m = &st->context.current;
    if (m)
        rs_days_format(m->first, out);
}

static void rs_code_sentence(rs_coder *c, const rs_doc *doc, const rs_sentence *s, rs_doc_state *st,
                             rs_events *out)
{
    c->text = doc->text;
    rs_dates_find(doc->text, s->start, s->end, doc->date, c->lang, &c->dates);
    char day[11];
    rs_sentence_day(c, st, day);
    for (int k = 0; k < RS_ANTECEDENT_KINDS; k++) {
        c->found.has_antecedent[k] = c->has_antecedent[k] && s->number - c->antecedent_sent[k] <= 3;
        c->found.antecedent[k] = c->antecedent[k];
    }
    rs_actors_find_with_dates(c->actors, doc->text, s->start, s->end, c->lang, day[0] ? day : doc->date, &c->dates,
                              &c->found);
    rs_note_antecedents(c, s->number);
    const rs_tokens *t = &c->found.tokens;
    rs_mark_token_lists(t);
    rs_place_slots(c, t);
    rs_find_triggers(c, t);
    /* Most sentences have no trigger, and their slots and clauses would
     * serve nothing: all of that is the sentence's own. */
    if (c->n_triggers) {
        rs_mark_slots(c, t);
        rs_mark_clauses(c, t);
        for (size_t k = 0; k < c->n_triggers; k++)
            c->triggers[k].embedded = (uint8_t)rs_is_embedded(c, t, &c->triggers[k]);
        rs_incident_evidence(c, t);
    }
    /* A subject carries over a few sentences at most ("او همچنین ..."). */
    if (c->carry.present && s->number - c->carry_sent > 3)
        c->carry.present = 0;
    /* Nominal events inside another's clause first: the actors of their
     * own phrase are then not taken for the clause's subject. */
    for (int pass = 1; pass >= 0; pass--)
        for (size_t k = 0; k < c->n_triggers; k++)
            if (c->triggers[k].embedded == pass)
                rs_code_trigger(c, t, s, &c->triggers[k], st, out);
    rs_date_context_update(&st->context, &c->dates);
    rs_marked_tokens = NULL;
}

static int rs_cmp_events(const void *a, const void *b)
{
    const rs_event *x = a, *y = b;
    if (x->sent != y->sent)
        return x->sent < y->sent ? -1 : 1;
    return x->trigger_start < y->trigger_start ? -1 : x->trigger_start > y->trigger_start;
}

size_t rs_code_document(rs_coder *c, const rs_doc *doc, rs_lang lang, int all_cameo, rs_events *out)
{
    out->n = 0;
    rs_text *text = rs_text_analyze(doc->text, doc->text_len, lang);
    if (!text)
        return 0;
    c->lang = text->lang;
    c->carry.present = 0;
    c->parties[0].present = c->parties[1].present = 0;
    c->meeting[0].present = c->meeting[1].present = 0;
    memset(c->has_antecedent, 0, sizeof c->has_antecedent);
    rs_doc_state st = {doc, {{0}, 0}, -1, all_cameo};
    rs_date_context_init(&st.context, doc->date);
    int32_t pub;
    if (doc->date && rs_days_parse(doc->date, &pub) == 0)
        st.pub_day = pub;
    for (size_t i = 0; i < text->n_sentences; i++)
        if (!text->sentences[i].dropped)
            rs_code_sentence(c, doc, &text->sentences[i], &st, out);
    rs_text_free(text);
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, rs_cmp_events);
    return out->n;
}

/* ------------------------------------------------------------ output */

const char *rs_actor_code_out(const rs_event_actor *a)
{
    return a->root[0] ? a->code : "";
}

static void rs_put_actor(rs_buf *out, const rs_doc *doc, const rs_event_actor *a)
{
    if (!a->present) {
        rs_buf_puts(out, "null");
        return;
    }
    const char *code = rs_actor_code_out(a);
    rs_buf_puts(out, "{\"code\":");
    rs_json_string(out, code, strlen(code));
    rs_buf_puts(out, ",\"root\":");
    rs_json_string(out, a->root, strlen(a->root));
    rs_buf_puts(out, ",\"role\":");
    rs_json_string(out, a->role, strlen(a->role));
    rs_buf_puts(out, ",\"text\":");
    rs_json_string(out, doc->text + a->start, a->end - a->start);
    rs_buf_putc(out, '}');
}

static void rs_put_location(rs_buf *out, const rs_doc *doc, const rs_event *e)
{
    rs_buf_puts(out, ",\"location\":{\"name\":");
    rs_json_string(out, doc->text + e->place_start, e->place_end - e->place_start);
    rs_buf_puts(out, ",\"country\":\"");
    rs_buf_puts(out, e->place_country);
    rs_buf_puts(out, "\",\"lat\":");
    rs_buf_put_fixed(out, e->lat, 2);
    rs_buf_puts(out, ",\"lon\":");
    rs_buf_put_fixed(out, e->lon, 2);
    rs_buf_putc(out, '}');
}

/* --explain: the dictionary entries behind an actor, "Label (FILE:LINE)",
 * and the role noun composed with it. */
static void rs_explain_actor(const rs_coder *c, const char *side, const rs_event_actor *a, rs_buf *out)
{
    if (!a->present)
        return;
    const int entries[2] = {a->entry, a->agent};
    const char *const keys[2] = {"entry", "agent"};
    for (int k = 0; k < 2; k++) {
        if (entries[k] < 0)
            continue;
        size_t line;
        const char *file = rs_lexicon_origin(c->actors, entries[k], &line);
        rs_buf label;
        rs_buf_init(&label);
        rs_buf_printf(&label, "%s (%s:%zu)", rs_lexicon_label(c->actors, entries[k]), file, line);
        rs_buf_printf(out, ",\"%s_%s\":", side, keys[k]);
        rs_json_string(out, label.data, label.len);
        rs_buf_free(&label);
    }
}

void rs_event_json(const rs_coder *c, const rs_doc *doc, const rs_event *e, int explain, rs_buf *out)
{
    rs_buf_puts(out, "{\"doc\":");
    rs_json_string(out, doc->id, strlen(doc->id));
    rs_buf_puts(out, ",\"sent\":");
    rs_buf_put_uint(out, (uint64_t)e->sent);
    rs_buf_puts(out, ",\"date\":");
    rs_json_string(out, e->date, strlen(e->date));
    rs_buf_puts(out, ",\"date_precision\":\"");
    rs_buf_puts(out, rs_date_precision_name(e->date_precision));
    rs_buf_puts(out, "\",\"source\":");
    rs_put_actor(out, doc, &e->source);
    rs_buf_puts(out, ",\"target\":");
    rs_put_actor(out, doc, &e->target);
    rs_buf_puts(out, ",\"cameo\":\"");
    rs_buf_puts(out, e->cameo);
    rs_buf_puts(out, "\",\"plover\":\"");
    rs_buf_puts(out, e->plover);
    rs_buf_puts(out, "\",\"goldstein\":");
    rs_buf_put_fixed(out, e->goldstein, 1);
    rs_buf_puts(out, ",\"quad\":");
    rs_buf_put_uint(out, (uint64_t)e->quad);
    rs_buf_puts(out, ",\"modality\":\"");
    rs_buf_puts(out, rs_modality_label(e->modality));
    rs_buf_putc(out, '"');
    if (e->claimed)
        rs_buf_puts(out, ",\"claimed\":true");
    rs_buf_puts(out, ",\"trigger\":");
    rs_json_string(out, doc->text + e->trigger_start, e->trigger_end - e->trigger_start);
    rs_buf_puts(out, ",\"lang\":\"");
    rs_buf_puts(out, rs_lang_code(c->lang));
    rs_buf_putc(out, '"');
    if (e->has_location)
        rs_put_location(out, doc, e);
    rs_buf_puts(out, ",\"span\":[");
    rs_buf_put_uint(out, e->span_start);
    rs_buf_putc(out, ',');
    rs_buf_put_uint(out, e->span_end);
    rs_buf_puts(out, "],\"evidence\":");
    rs_json_string(out, doc->text + e->span_start, e->span_end - e->span_start);
    if (explain) {
        size_t line;
        const char *file = rs_lexicon_origin(c->events, e->pattern, &line);
        const char *label = rs_lexicon_label(c->events, e->pattern);
        rs_buf_puts(out, ",\"pattern\":");
        rs_json_string(out, label, strlen(label));
        rs_buf_printf(out, ",\"pattern_at\":\"%s:%zu\"", file, line);
        rs_explain_actor(c, "source", &e->source, out);
        rs_explain_actor(c, "target", &e->target, out);
    }
    rs_buf_puts(out, "}\n");
}

const char *rs_event_tsv_header(void)
{
    return "doc\tsent\tdate\tdate_precision\tsource_code\tsource_root\tsource_role\tsource_text\t"
           "target_code\ttarget_root\ttarget_role\ttarget_text\tcameo\tplover\tgoldstein\tquad\tmodality\t"
           "trigger\tlang\tplace\tcountry\tlat\tlon\tevidence\n";
}

/* A TSV field: tabs and newlines in text become spaces. */
static void rs_tsv_field(rs_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        rs_buf_putc(out, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    rs_buf_putc(out, '\t');
}

static void rs_tsv_actor(rs_buf *out, const rs_doc *doc, const rs_event_actor *a)
{
    const char *code = rs_actor_code_out(a);
    rs_tsv_field(out, code, a->present ? strlen(code) : 0);
    rs_tsv_field(out, a->root, a->present ? strlen(a->root) : 0);
    rs_tsv_field(out, a->role, a->present ? strlen(a->role) : 0);
    rs_tsv_field(out, doc->text + a->start, a->present ? a->end - a->start : 0);
}

void rs_event_tsv(const rs_coder *c, const rs_doc *doc, const rs_event *e, rs_buf *out)
{
    rs_tsv_field(out, doc->id, strlen(doc->id));
    rs_buf_printf(out, "%d\t%s\t%s\t", e->sent, e->date, rs_date_precision_name(e->date_precision));
    rs_tsv_actor(out, doc, &e->source);
    rs_tsv_actor(out, doc, &e->target);
    rs_buf_printf(out, "%s\t%s\t%.1f\t%d\t%s\t", e->cameo, e->plover, (double)e->goldstein, e->quad,
                  rs_modality_label(e->modality));
    rs_tsv_field(out, doc->text + e->trigger_start, e->trigger_end - e->trigger_start);
    rs_buf_printf(out, "%s\t", rs_lang_code(c->lang));
    if (e->has_location) {
        rs_tsv_field(out, doc->text + e->place_start, e->place_end - e->place_start);
        rs_buf_printf(out, "%s\t%.2f\t%.2f\t", e->place_country, (double)e->lat, (double)e->lon);
    } else {
        rs_buf_puts(out, "\t\t\t\t");
    }
    size_t n = e->span_end - e->span_start;
    rs_tsv_field(out, doc->text + e->span_start, n);
    out->data[out->len - 1] = '\n';
}
