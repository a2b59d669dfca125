// The kainjow/mustache adapter: the only file that includes it. Mustache escapes HTML by default.
#include "portal/render.h"

// g++ 12 reports a false -Wnull-dereference inside std::vector as instantiated by the header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <kainjow/mustache.hpp>
#pragma GCC diagnostic pop

#include "portal/templates_bundle.h"

namespace childmaint::portal {

namespace {

namespace mus = kainjow::mustache;

mus::data ToData(const Json& j) {
  switch (j.type()) {
    case Json::Type::kObject: {
      mus::data d{mus::data::type::object};
      for (const auto& [k, v] : j.members()) {
        d.set(k, ToData(v));
      }
      return d;
    }
    case Json::Type::kArray: {
      mus::data d{mus::data::type::list};
      for (const Json& item : j.items()) {
        d.push_back(ToData(item));
      }
      return d;
    }
    case Json::Type::kBool:
      return mus::data{j.AsBool()};
    case Json::Type::kInt:
      return mus::data{std::to_string(j.AsInt())};
    case Json::Type::kString:
    case Json::Type::kOtherNumber:
      return mus::data{j.AsString()};
    case Json::Type::kNull:
      break;
  }
  return mus::data{false};
}

Result<std::string> TemplateText(std::string_view name) {
  const std::string file = std::string(name) + ".mustache";
  for (const EmbeddedFile& f : EmbeddedTemplates()) {
    if (f.path == file) {
      return std::string(f.text);
    }
  }
  return Error::Make(ErrorCode::kInternal, "portal.no_template", "no template " + file);
}

}  // namespace

Result<std::string> Render(std::string_view name, const Json& data) {
  CMS_ASSIGN_OR_RETURN(const std::string text, TemplateText(name));
  return RenderText(text, data);
}

Result<std::string> RenderText(std::string_view text, const Json& data) {
  try {
    mus::mustache tmpl{std::string(text)};
    if (!tmpl.is_valid()) {
      return Error::Make(ErrorCode::kInternal, "portal.template", tmpl.error_message());
    }
    return tmpl.render(ToData(data));
  } catch (const std::exception& e) {
    return Error::Make(ErrorCode::kInternal, "portal.template", e.what());
  }
}

Result<std::string> RenderPage(std::string_view name, std::string_view title, const Json& data,
                               const Json& frame) {
  // The page's own template sees the layout's values too (its forms need the CSRF token).
  Json page = data;
  for (const auto& [key, value] : frame.members()) {
    if (page.Find(key) == nullptr) {
      page.Set(key, value);
    }
  }
  CMS_ASSIGN_OR_RETURN(const std::string content, Render(name, page));
  Json layout = frame;
  layout.Set("title", Json(title));
  layout.Set("content", Json(content));
  return Render("layout", layout);
}

}  // namespace childmaint::portal
