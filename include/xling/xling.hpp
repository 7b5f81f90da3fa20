// xling/xling.hpp — everything an embedding program needs, in one include:
//
//   #include <xling/xling.hpp>
//   auto resources = xling::Resources::load("/usr/share/xling");
//   xling::Searcher searcher({"index"}, resources);
//   xling::SearchRequest request;
//   request.query = "Belousov Pyongyang";
//   for (const xling::Hit& hit : searcher.search(request).hits) ...
//
// Link with `pkg-config --cflags --libs xling`, or dependency('xling') in meson.
#pragma once

#include "xling/alias_table.hpp"
#include "xling/error.hpp"
#include "xling/index_stats.hpp"
#include "xling/indexer.hpp"
#include "xling/language.hpp"
#include "xling/resources.hpp"
#include "xling/schema.hpp"
#include "xling/search_request.hpp"
#include "xling/search_results.hpp"
#include "xling/searcher.hpp"
#include "xling/source_document.hpp"
#include "xling/stored_document.hpp"
#include "xling/text_analyzer.hpp"
#include "xling/translation_table.hpp"
#include "xling/version.hpp"
