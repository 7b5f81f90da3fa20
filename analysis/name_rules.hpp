// How names inflect and how they are spelled, per language, read from namerules/<lang>.txt.
//
// Snowball does not conflate names (Hungarian Putyin -> puty but Putyinnal -> putyinn; Russian
// Белоусов -> белоус but Белоусова -> белоусов), so name matching has its own rule: a text word is
// a form of a name word when it is the name word, or one of its stems followed by one of the
// language's case endings. A stem is the name word, or the name word without a nominative ending
// (Lithuanian Putin-as), and a final vowel may lengthen (Hungarian Moszkva -> Moszkvá-ban);
// Hungarian -val/-vel assimilate to the stem's last consonant (Putyin -> Putyin-nal).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xling::analysis {

class NameRules {
  public:
    /// Reads a rules file (see namerules/hu.txt; lines as analysis/config_lines.hpp reads them).
    /// Throws ConfigError "file:line: ..." when malformed.
    [[nodiscard]] static NameRules load(const std::filesystem::path& file);
    /// Parses rules text; `origin` names it in errors.
    [[nodiscard]] static NameRules parse(std::string_view text, const std::string& origin);

    /// The stems a name word (normalized) inflects from: itself, without a nominative ending, and
    /// with a lengthened final vowel.
    [[nodiscard]] std::vector<std::string> stems(std::string_view name_word) const;

    /// True when `word` (normalized) is `name_word` or one of its inflected forms.
    [[nodiscard]] bool is_form_of(std::string_view name_word, std::string_view word) const;

    /// The possible uninflected bases of a text word: itself and itself without each ending that
    /// leaves at least 3 characters (undoing assimilation and lengthening). Used for name keys.
    [[nodiscard]] std::vector<std::string> bases(std::string_view word) const;

    /// True when `word` (normalized) ends with one of the language's patronymic endings
    /// ("patronymic:", Russian -ович/-евна, Hungarian -ovics, German -owitsch) after at least 3
    /// letters: the middle name of Russian usage that other languages' press leaves out.
    [[nodiscard]] bool is_patronymic(std::string_view word) const;

    /// The same inflection rules for text typed without diacritics: every nominative ending, case
    /// ending, assimilating ending and lengthening passed through `fold` (Hungarian "ból" ->
    /// "bol", "a>á" -> "a>a"), so that is_form_of(fold(name), fold(word)) reads an accent-free
    /// "Eszak-Koreaval" as "Észak-Koreával" is read. Patronymics and key rewrites are copied.
    template <class Fold>
    [[nodiscard]] NameRules folded(Fold&& fold) const {
        NameRules out = *this;
        for (auto* list : {&out.nominative_, &out.endings_, &out.assimilate_}) {
            for (auto& e : *list) e = fold(e);
        }
        for (auto& [from, to] : out.lengthen_) {
            from = fold(from);
            to = fold(to);
        }
        return out;
    }

    /// Applies the spelling->sound rewrites in one left-to-right pass (earlier rules win at a position).
    /// A rule written `^from>to` applies only at the start of the text, `from$>to` only at its end.
    [[nodiscard]] std::string rewrite_single_pass(std::string_view text) const;
    /// Applies the rewrites one after another over the whole text (for the common folds), with
    /// the same anchors.
    [[nodiscard]] std::string rewrite_sequential(std::string_view text) const;

  private:
    /// One "key:" rewrite. Anchors and letter classes let a rules file say "a final silent e"
    /// (`e$>`), "an initial Cyrillic е" (`^ye>e`) or "y between consonants" (`#y#>#i#`) without a
    /// regular-expression engine in the key path: in a pattern `#` is an ASCII consonant and `@`
    /// an ASCII vowel (a e i o u), and each `#`/`@` of the replacement copies the letter the
    /// pattern's class matched, in order.
    struct Rewrite {
        std::string from;
        std::string to;
        bool at_start = false;
        bool at_end = false;
        bool has_class = false;
        /// True when `from` occurs in `text` at `pos` and the anchors allow it there.
        [[nodiscard]] bool matches(std::string_view text, std::size_t pos) const;
        /// The replacement of the match at `pos` (copies the letters the classes matched).
        [[nodiscard]] std::string replacement(std::string_view text, std::size_t pos) const;
    };

    bool ends_with_ending(std::string_view stem, std::string_view rest) const;

    std::vector<std::string> nominative_;
    std::vector<std::string> patronymic_;
    std::vector<std::string> endings_;
    std::vector<std::string> assimilate_;
    std::vector<std::pair<std::string, std::string>> lengthen_;
    std::vector<Rewrite> key_;
};

}  // namespace xling::analysis
