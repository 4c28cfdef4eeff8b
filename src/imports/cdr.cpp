// `hotline import cdr`: a CSV of call detail records through a column mapping (cdr_mapping.cpp).
// Each record is one call: it arrives and queues at `arrive`; it is answered at `answer` (or after
// `wait_s`) by `agent`, or abandoned; it ends at `end` (or after `talk_s`); wrap-up lasts `acw_s`.
#include <algorithm>
#include <optional>

#include "hotline/imports/import.h"
#include "hotline/metrics/calendar.h"
#include "local_time.h"

namespace hotline::imports {
namespace {

// RFC 4180 fields: quotes around a field, "" inside quotes for a quote. One record per line.
Result<std::vector<std::string>> SplitCsv(std::string_view line, char delim) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                out.back() += c;
            }
        } else if (c == '"' && out.back().empty()) {
            quoted = true;
        } else if (c == delim) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    if (quoted) {
        return InvalidArgument("a quoted field is not closed on this line");
    }
    for (auto& f : out) {  // surrounding blanks are not data
        while (!f.empty() && f.back() == ' ') {
            f.pop_back();
        }
        f.erase(
            0, f.find_first_not_of(' ') == std::string::npos ? f.size() : f.find_first_not_of(' '));
    }
    return out;
}

// %Y %y %m %d %H %M %S and literal characters; a fraction after the seconds is allowed.
std::optional<int64_t> ParseLocalTime(std::string_view text, std::string_view format) {
    int64_t year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
    size_t p = 0;
    auto number = [&](size_t max_digits, int64_t& out) {
        size_t start = p;
        while (p < text.size() && p - start < max_digits &&
               std::isdigit(static_cast<unsigned char>(text[p]))) {
            ++p;
        }
        if (p == start) {
            return false;
        }
        out = *ParseCount(text.substr(start, p - start));
        return true;
    };
    for (size_t f = 0; f < format.size(); ++f) {
        if (format[f] != '%' || f + 1 == format.size()) {
            if (p >= text.size() || text[p] != format[f]) {
                return std::nullopt;
            }
            ++p;
            continue;
        }
        const char spec = format[++f];
        bool ok = false;
        switch (spec) {
            case 'Y':
                ok = number(4, year);
                break;
            case 'y':
                ok = number(2, year);
                year += year < 69 ? 2000 : 1900;
                break;
            case 'm':
                ok = number(2, month);
                break;
            case 'd':
                ok = number(2, day);
                break;
            case 'H':
                ok = number(2, hour);
                break;
            case 'M':
                ok = number(2, minute);
                break;
            case 'S':
                ok = number(2, second);
                if (ok && p < text.size() && (text[p] == '.' || text[p] == ',')) {
                    ++p;
                    int64_t frac = 0;
                    size_t start = p;
                    if (!number(9, frac)) {
                        return std::nullopt;
                    }
                    size_t digits = p - start;
                    for (; digits < 3; ++digits) {
                        frac *= 10;
                    }
                    for (; digits > 3; --digits) {
                        frac /= 10;
                    }
                    ms = frac;
                }
                break;
            default:
                return std::nullopt;
        }
        if (!ok) {
            return std::nullopt;
        }
    }
    if (p != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 60) {
        return std::nullopt;
    }
    const int64_t days =
        DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000 + ms;
}

class CdrReader {
  public:
    CdrReader(const CdrMapping& m, const metrics::Calendar& cal) : m_(m), cal_(cal) {}

    Status ReadHeader(const std::vector<std::string>& fields) {
        header_ = fields;
        for (const std::string* col :
             {&m_.id, &m_.arrive, &m_.queue, &m_.answer, &m_.wait_s, &m_.end, &m_.talk_s, &m_.acw_s,
              &m_.agent, &m_.from, &m_.customer, &m_.channel, &m_.outcome}) {
            if (!col->empty() && !Index(*col)) {
                return InvalidArgument("the header has no column '" + *col +
                                       "' named in the mapping");
            }
        }
        return Status::Ok();
    }

    // Adds the record's events; an error says which column is wrong. Returns false for an
    // ignored outcome.
    Result<bool> Read(const std::vector<std::string>& row, std::vector<Event>& out) {
        row_ = &row;
        const std::string id = Field(m_.id);
        if (id.empty()) {
            return InvalidArgument("column '" + m_.id + "' (id) is empty");
        }
        ASSIGN_OR_RETURN(int64_t arrive, Time(m_.arrive, "arrive", true));
        std::string queue = Field(m_.queue);
        if (queue.empty()) {
            queue = m_.queue_default;
        }
        if (queue.empty()) {
            return InvalidArgument("column '" + m_.queue + "' (queue) is empty");
        }
        ASSIGN_OR_RETURN(bool answered, Answered());
        if (!row_ok_) {
            return false;
        }
        ASSIGN_OR_RETURN(int64_t answer_or_leave, Leave(arrive, answered));
        ASSIGN_OR_RETURN(int64_t end, End(answer_or_leave, answered));
        ASSIGN_OR_RETURN(int64_t acw, Seconds(m_.acw_s, "acw_s"));

        if (!PlausibleMillis(end + acw)) {
            return InvalidArgument("the call would end after 2200");
        }
        const InteractionId iid{id};
        const QueueId q{queue};
        std::string channel = Field(m_.channel);
        auto push = [&](int64_t ms, auto body) {
            out.push_back(Event{FromMillis(ms), EventBody{std::move(body)}});
        };
        push(arrive, events::Arrive{iid,
                                    channel.empty() ? "voice" : channel,
                                    "in",
                                    Field(m_.from),
                                    "",
                                    Field(m_.customer),
                                    {}});
        push(arrive, events::Enqueue{iid, q, 0, {}, std::nullopt});
        if (answered) {
            std::string name = Field(m_.agent);
            const AgentId agent{name.empty() ? "unknown" : name};
            push(answer_or_leave, events::Offer{iid, agent, q});
            push(answer_or_leave, events::Answer{iid, agent, q});
            push(end, events::Hangup{iid, "customer", "talk", ""});
            push(end + acw, events::WrapupEnd{iid, agent, "", ""});
        } else {
            push(answer_or_leave, events::Abandon{iid, q});
            push(answer_or_leave, events::Hangup{iid, "customer", "queue", ""});
        }
        return true;
    }

  private:
    std::optional<size_t> Index(const std::string& column) const {
        if (auto n = ParseCount(column); n && !m_.header) {
            return *n >= 1 ? std::optional<size_t>(*n - 1) : std::nullopt;
        }
        if (!m_.header) {
            return std::nullopt;
        }
        auto it = std::find(header_.begin(), header_.end(), column);
        if (it == header_.end()) {
            return std::nullopt;
        }
        return static_cast<size_t>(it - header_.begin());
    }
    std::string Field(const std::string& column) const {
        if (column.empty()) {
            return "";
        }
        auto i = Index(column);
        return (i && *i < row_->size()) ? (*row_)[*i] : "";
    }
    Result<int64_t> Time(const std::string& column, const char* field, bool required) const {
        const std::string text = Field(column);
        if (text.empty()) {
            if (required) {
                return InvalidArgument("column '" + column + "' (" + field + ") is empty");
            }
            return int64_t{-1};
        }
        std::optional<int64_t> local;
        if (m_.time_format == "epoch" || m_.time_format == "epoch_ms") {
            auto n = ParseCount(text);
            if (n && *n < 7258118400000) {
                const int64_t ms = m_.time_format == "epoch" ? *n * 1000 : *n;
                if (PlausibleMillis(ms)) {
                    return ms;
                }
            }
        } else {
            local = ParseLocalTime(text, m_.time_format);
        }
        if (!local) {
            return InvalidArgument("column '" + column + "' (" + field + ") is '" + text +
                                   "', expected a time as " + m_.time_format);
        }
        const int64_t utc = ToMillis(cal_.FromLocalMillis(*local));
        if (!PlausibleMillis(utc)) {
            return InvalidArgument("column '" + column + "' (" + field + ") is '" + text +
                                   "', a time outside 1970-2200");
        }
        return utc;
    }
    Result<int64_t> Seconds(const std::string& column, const char* field) const {
        const std::string text = Field(column);
        if (text.empty()) {
            return int64_t{0};
        }
        auto dot = text.find('.');
        auto whole = ParseCount(text.substr(0, dot));
        if (!whole || *whole > 31LL * 86400) {  // a month: past that it is not a call's duration
            return InvalidArgument("column '" + column + "' (" + field + ") is '" + text +
                                   "', expected seconds (at most 31 days)");
        }
        return *whole * 1000;
    }
    Result<bool> Answered() {
        row_ok_ = true;
        if (m_.outcome.empty()) {
            // No outcome column: an answer time means answered; without an answer column, an agent.
            if (!m_.answer.empty()) {
                return !Field(m_.answer).empty();
            }
            return !Field(m_.agent).empty();
        }
        const std::string v = Field(m_.outcome);
        auto has = [&](const std::vector<std::string>& list) {
            return std::find(list.begin(), list.end(), v) != list.end();
        };
        if (has(m_.answered)) {
            return true;
        }
        if (has(m_.abandoned)) {
            return false;
        }
        if (has(m_.ignored)) {
            row_ok_ = false;
            return false;
        }
        return InvalidArgument("column '" + m_.outcome + "' (outcome) is '" + v +
                               "', which the mapping's outcomes do not list");
    }
    // When the call was answered, or when it left the queue unanswered.
    Result<int64_t> Leave(int64_t arrive, bool answered) const {
        ASSIGN_OR_RETURN(int64_t answer, Time(m_.answer, "answer", false));
        if (answered && answer >= 0) {
            return std::max(answer, arrive);
        }
        ASSIGN_OR_RETURN(int64_t wait, Seconds(m_.wait_s, "wait_s"));
        if (!m_.wait_s.empty() && !Field(m_.wait_s).empty()) {
            return arrive + wait;
        }
        if (!answered) {  // abandoned: leaves at the end of the record
            ASSIGN_OR_RETURN(int64_t end, Time(m_.end, "end", false));
            if (end >= 0) {
                return std::max(end, arrive);
            }
        }
        return arrive;
    }
    Result<int64_t> End(int64_t answer, bool answered) const {
        if (!answered) {
            return answer;
        }
        ASSIGN_OR_RETURN(int64_t talk, Seconds(m_.talk_s, "talk_s"));
        if (!m_.talk_s.empty() && !Field(m_.talk_s).empty()) {
            return answer + talk;
        }
        ASSIGN_OR_RETURN(int64_t end, Time(m_.end, "end", false));
        if (end < 0) {
            return InvalidArgument("an answered call needs an end time or talk_s");
        }
        if (end < answer) {
            return InvalidArgument("the call ends before it was answered");
        }
        return end;
    }

    const CdrMapping& m_;
    const metrics::Calendar& cal_;
    std::vector<std::string> header_;
    const std::vector<std::string>* row_ = nullptr;
    bool row_ok_ = true;
};

}  // namespace

Result<ImportSummary> ImportCdr(std::istream& in, const CdrMapping& mapping,
                                const ImportOptions& options) {
    auto cal = metrics::Calendar::ForZone(mapping.zone.empty() ? options.zone : mapping.zone);
    if (!cal.ok()) {
        return cal.status();
    }
    ImportSummary summary;
    CdrReader reader(mapping, *cal);
    std::string line;
    while (std::getline(in, line)) {
        ++summary.lines;
        if (line.empty() || line == "\r") {
            continue;
        }
        const std::string where = options.source + ":" + std::to_string(summary.lines) + ": ";
        auto bad_byte = FirstInvalidUtf8(line);
        auto fields =
            bad_byte ? Result<std::vector<std::string>>(InvalidArgument(NotUtf8Message(*bad_byte)))
                     : SplitCsv(line, mapping.delimiter);
        if (fields.ok() && mapping.header && summary.lines == 1) {
            Status s = reader.ReadHeader(*fields);
            if (!s.ok()) {
                return InvalidArgument(where + s.message());
            }
            continue;
        }
        const size_t before = summary.events.size();
        Result<bool> r =
            fields.ok() ? reader.Read(*fields, summary.events) : Result<bool>(fields.status());
        if (r.ok()) {
            if (*r) {
                ++summary.records;
            } else {
                ++summary.notes["records with an ignored outcome"];
            }
            continue;
        }
        summary.events.resize(before);
        if (!options.skip_bad) {
            return InvalidArgument(where + r.status().message());
        }
        summary.errors.push_back(where + r.status().message());
        ++summary.skipped;
    }
    std::stable_sort(summary.events.begin(), summary.events.end(),
                     [](const Event& a, const Event& b) { return a.ts < b.ts; });
    return summary;
}

}  // namespace hotline::imports
