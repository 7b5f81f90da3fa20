#include "programs/xling-aliases/script.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace xling::importer {

std::vector<UChar32> letters_of(std::string_view name) {
    std::vector<UChar32> out;
    const auto length = static_cast<int32_t>(name.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(name.data(), i, length, c);
        if (c >= 0 && u_isalpha(c)) out.push_back(c);
    }
    return out;
}

Script name_script(std::string_view name) {
    bool latin = false;
    bool cyrillic = false;
    for (const UChar32 c : letters_of(name)) {
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
        if (script == USCRIPT_LATIN) latin = true;
        else if (script == USCRIPT_CYRILLIC) cyrillic = true;
        else return Script::Other;
    }
    if (latin == cyrillic) return Script::Other;
    return latin ? Script::Latin : Script::Cyrillic;
}

}  // namespace xling::importer
