#include "programmes/schemas.h"

namespace bhxh::schemas {
namespace {
Schema Str() { return Schema::String(); }
Schema OptStr() { return Schema::String().Nullable(); }
Schema Int() { return Schema::Integer(); }
Schema Lines() {
  return Schema::Array(Schema::Integer())
      .Items(2, 2)
      .Describe("Dòng đầu, dòng cuối trong văn bản / first and last line");
}
Schema StrList() { return Schema::Array(Schema::String()); }
// For each unknown unit name, the cell it stood in.
Schema UnknownCells() {
  return Schema::Array(Schema::String().Enum({"lead", "coordinating"}))
      .Describe("Ô chứa từng tên chưa nhận ra: chủ trì / phối hợp — the cell each unknown name stood in");
}
Schema UnitRefs() { return Schema::Array(Schema::Object({Req("id", Str()), Req("name", Str())})); }
Schema Due() { return Schema::Object({Opt("day", Int()), Opt("month", Int()), Opt("date", S::Date().Nullable())}); }
Schema Targets() { return Schema::Map(Schema().Describe("Số, hoặc chữ khi văn bản ghi bằng chữ / a number, or text")); }
}  // namespace

Schema TimeFrame() {
  return Schema::Object({Req("text", Str()),
                         Req("kind", S::OneOf({"none", "unknown", "date", "month", "quarter", "half_year", "year",
                                               "period", "range", "recurring", "open_ended", "conditional"})),
                         Req("start", S::Date().Nullable()), Req("end", S::Date().Nullable()), Opt("recurrence", Str()),
                         Opt("condition", Str())})
      .Named("TimeFrame");
}

Schema ImportedProgramme() {
  Schema base =
      Schema::Object({Req("kind", Str()), Req("number", Str()), Req("date", S::Date().Nullable()), Req("text", Str())});
  Schema article = Schema::Object({Req("number", Str()), Req("text", Str()), Req("lines", Lines())});
  Schema decision =
      Schema::Object({Req("number", Str()), Req("date", S::Date().Nullable()), Req("place", Str()),
                      Req("articles", Schema::Array(article)), Req("recipients", StrList()), Req("issuer", Str()),
                      Req("title", Str()), Req("authority", Str()), Req("legal_bases", Schema::Array(base)),
                      Req("signing_line", Str()), Req("signer", Str()),
                      Opt("kind", Str().Enum({"decision", "plan", "programme", "scheme"})
                                      .Describe("Quyết định, hoặc kế hoạch / chương trình / đề án ban hành riêng / "
                                                "a decision, or a plan / programme / scheme issued on its own"))});
  Schema section = Schema::Object({Req("id", Str()), Req("key", Str()), Req("parent", Str()), Req("level", Int()),
                                   Req("role", Str()), Req("text", Str()), Req("lines", Lines())});
  Schema objective = Schema::Object({Req("key", Str()), Req("text", Str()), Req("lines", Lines())});
  Schema target = Schema::Object({Req("value", Schema::Number()), Req("unit", Str()), Req("qualifier", Str()),
                                  Req("year", Schema::Integer().Nullable()), Req("text", Str()), Req("section", Str()),
                                  Req("line", Int())});
  Schema programme = Schema::Object(
      {Req("title", Str()),
       Req("period", Schema::Object({Req("start", S::Date().Nullable()), Req("end", S::Date().Nullable())})),
       Req("sections", Schema::Array(section)), Req("objectives", Schema::Array(objective)),
       Req("targets", Schema::Array(target))});
  Schema appendix = Schema::Object(
      {Req("label", Str()), Req("title", Str()), Req("kind", Str()), Req("lines", Lines()), Req("header_line", Int())});
  Schema group =
      Schema::Object({Req("id", Str()), Req("key", Str()), Req("parent", Str()), Req("level", Int()),
                      Req("title", Str()), Req("units", StrList()), Req("stated_count", Schema::Integer().Nullable()),
                      Req("tasks", Int()), Req("line", Int())});
  Schema task = Schema::Object({Req("id", Str()), Req("key", Str()), Req("appendix", Int()), Req("group", Str()),
                                Req("group_key", Str()), Req("content", Str()),
                                // Absent in extractions stored before the names were given.
                                Opt("lead", StrList()), Opt("coordinating", StrList()), Req("lead_units", StrList()),
                                Req("coordinating_units", StrList()), Req("unknown_units", StrList()),
                                Opt("unknown_unit_cells", UnknownCells()),
                                Req("timeframe", TimeFrame()), Req("leader", OptStr()), Req("plan", OptStr()),
                                Req("product", OptStr()), Req("notes", OptStr()), Req("lines", Lines())})
                    .Named("ExtractedTask");
  Schema indicator = Schema::Object(
      {Req("key", Str()), Req("id", Str()), Req("part_of", OptStr()), Req("name", Str()), Req("unit", Str()),
       Req("targets", Targets()), Req("targets_text", Schema::Map(Str())), Req("targets_merged", S::Bool()),
       Req("actuals", Schema::Map(Str())), Req("lead_units", StrList()), Req("coordinating_units", StrList()),
       Req("lead_units_inherited", S::Bool()), Req("coordinating_units_inherited", S::Bool()),
       Req("unknown_units", StrList()), Req("lines", Lines())});
  Schema report = Schema::Object({Req("name", Str()), Req("kind", Str()), Req("recurrence", Str()), Req("due", Due()),
                                  Req("recipients", Str()), Req("recipient_units", StrList()), Req("text", Str()),
                                  Req("line", Int())});
  Schema footnote = Schema::Object({Req("mark", Str()), Req("text", Str()), Req("lines", Lines())});
  Schema unplaced = Schema::Object({Req("lines", Lines()), Req("text", Str())});
  Schema counts = Schema::Object({Req("tasks", Int()), Req("groups", Int()), Req("indicators", Int()),
                                  Req("reports", Int()), Req("stated_total", Schema::Integer().Nullable()),
                                  Req("tasks_with_unknown_units", Int()), Req("unplaced", Int())});
  Schema stored = Schema::Object({Req("id", Int()), Req("replayed", S::Bool()), Req("replaced", S::Bool())});
  Schema prog_with_id = Schema::Object(
      {Req("title", Str()),
       Req("period", Schema::Object({Req("start", S::Date().Nullable()), Req("end", S::Date().Nullable())})),
       Req("sections", Schema::Array(section)), Req("objectives", Schema::Array(objective)),
       Req("targets", Schema::Array(target)), Opt("id", Int())});
  return Schema::Object({Req("decision", decision), Req("programme", prog_with_id),
                         Req("appendices", Schema::Array(appendix)), Req("groups", Schema::Array(group)),
                         Req("tasks", Schema::Array(task)), Req("indicators", Schema::Array(indicator)),
                         Req("reports", Schema::Array(report)), Req("footnotes", Schema::Array(footnote)),
                         Req("unplaced", Schema::Array(unplaced)), Req("counts", counts), Opt("stored", stored),
                         Opt("source_format", Str().Enum({"text", "docx", "pdf", "html", "markdown"})
                                                  .Describe("Loại tệp đã đọc / the kind of file read"))})
      .Named("ImportedProgramme");
}

Schema StoredProgramme() {
  return Schema::Object(
             {Req("id", Int()), Req("number", Str()), Req("date", S::Date().Nullable()), Req("title", Str()),
              Req("programme_title", Str()), Req("signer", Str()), Req("signing_line", Str()),
              Req("period", Schema::Object({Req("start", S::Date().Nullable()), Req("end", S::Date().Nullable())})),
              Req("counts", Schema::Object({Req("tasks", Int()), Req("indicators", Int()), Req("reports", Int())})),
              Req("imported_at", S::DateTime()), Req("imported_by", Str()), Opt("extracted", ImportedProgramme())})
      .Named("Programme");
}

Schema TaskState() {
  return Schema::Object({Req("programme", Str()),
                         Req("programme_id", Int()),
                         Req("key", Str()),
                         Req("id", Str()),
                         Req("group_key", Str()),
                         Req("group", Str()),
                         Req("content", Str()),
                         Req("lead", StrList()),
                         Req("coordinating", StrList()),
                         Req("lead_units", UnitRefs()),
                         Req("coordinating_units", UnitRefs()),
                         Req("unknown_units", StrList()),
                         Opt("unknown_unit_cells", UnknownCells()),
                         Req("leader", OptStr()),
                         Req("timeframe", TimeFrame()),
                         Req("plan", OptStr()),
                         Req("product", OptStr()),
                         Req("notes", OptStr()),
                         Req("line", Int()),
                         Req("status", S::OneOf({"not_started", "in_progress", "done", "blocked"})),
                         Req("percent", S::Int(0, 100)),
                         Req("deadline", S::Date().Nullable()),
                         Req("overdue", S::Bool()),
                         Req("days_overdue", Int()),
                         Req("expects", OptStr()),
                         Req("missing_periods", StrList()),
                         Req("last_reported_at", OptStr()),
                         Req("last_note", Str())})
      .Named("TaskState");
}

Schema ProgressEntry() {
  return Schema::Object({Req("id", Int()), Req("task_key", Str()), Req("unit", Str()), Req("status", Str()),
                         Req("percent", S::Int(0, 100)), Req("period", Str()), Req("note", Str()),
                         Req("evidence", Str()), Req("difficulties", Str()), Req("lessons", Str()),
                         Req("reported_at", S::DateTime()), Req("reported_by", Str())})
      .Named("ProgressEntry");
}

Schema FollowUpGroup() {
  return Schema::Object({Req("who", Str()), Req("name", Str()), Req("overdue", Int()), Req("missing_reports", Int()),
                         Req("tasks", Schema::Array(TaskState()))})
      .Named("FollowUpGroup");
}

Schema Deadline() {
  return Schema::Object({Req("date", S::Date()), Req("kind", S::OneOf({"report", "task"})), Req("programme", Str()),
                         Req("programme_id", Int()), Req("name", Str()), Req("detail", Str()),
                         Req("task_key", OptStr()), Req("days_left", Int())})
      .Named("Deadline");
}

Schema Unit() {
  return Schema::Object({Req("id", Str()), Req("name", Str()), Req("kind", Str()), Req("abbreviations", StrList()),
                         Req("earlier_names", StrList())})
      .Named("Unit");
}

Schema IndicatorValue() {
  return Schema::Object({Req("year", Int()), Req("province", Str()), Req("value", Str()), Req("source", Str()),
                         Req("method", Str()), Req("recorded_at", Str()), Req("recorded_by", Str())})
      .Named("IndicatorValue");
}

Schema IndicatorStatus() {
  return Schema::Object({Req("key", Str()), Req("name", Str()), Req("unit", Str()), Req("targets", Targets()),
                         Req("lead_units", StrList()), Req("coordinating_units", StrList()),
                         Req("computable", S::Bool()), Req("measure", OptStr()),
                         Req("values", Schema::Array(IndicatorValue())), Req("latest", Schema::Number().Nullable()),
                         Req("latest_year", Schema::Integer().Nullable()), Req("expected", Schema::Number().Nullable()),
                         Req("path", Schema::Map(Schema::Number())), Req("status", Str())})
      .Named("IndicatorStatus");
}

Schema AnnualReport() {
  Schema note = Schema::Object({Req("task_key", Str()), Req("unit", Str()), Req("text", Str())});
  Schema obligation =
      Schema::Object({Req("programme", Str()), Req("seq", Int()), Req("name", Str()), Req("kind", Str()),
                      Req("recurrence", Str()), Req("due", Due()), Req("recipients", Str())});
  return Schema::Object({Req("programme", StoredProgramme()), Req("year", Int()), Req("as_of", S::Date()),
                         Req("summary", Schema::Map(Schema::Integer())),
                         Req("indicators", Schema::Array(IndicatorStatus())),
                         Req("tasks_done", Schema::Array(TaskState())),
                         Req("tasks_not_done", Schema::Array(TaskState())), Req("difficulties", Schema::Array(note)),
                         Req("lessons", Schema::Array(note)), Req("obligations", Schema::Array(obligation))})
      .Named("AnnualReport");
}

}  // namespace bhxh::schemas
