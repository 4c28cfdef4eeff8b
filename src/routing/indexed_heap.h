#pragma once
// A 4-ary min-heap in one vector whose entries can be erased from anywhere: each move of an entry
// is reported to the caller's `set_pos(entry, position)`, so the owner of the entries keeps their
// positions wherever suits it (a slot array, a field of the contact). Push and erase are O(log n)
// sift steps with no allocation once the vector has grown; the top is O(1). Four children per
// node make the heap half as deep as a binary one, and siblings share cache lines.

#include <cstdint>
#include <vector>

namespace hotline::routing {

template <class Entry, class Less>
class IndexedHeap {
  public:
    bool empty() const { return heap_.empty(); }
    size_t size() const { return heap_.size(); }
    const Entry& top() const { return heap_.front(); }
    const Entry& at(size_t pos) const { return heap_[pos]; }
    static size_t Parent(size_t pos) { return (pos - 1) / kArity; }
    // In heap order, not sorted: for scans that look at every entry.
    auto begin() const { return heap_.begin(); }
    auto end() const { return heap_.end(); }

    template <class SetPos>
    void Push(const Entry& e, SetPos&& set_pos) {
        heap_.emplace_back();
        SiftUp(heap_.size() - 1, e, set_pos);
    }

    // Removes the entry at `pos`; the last entry fills the hole and moves whichever way its key
    // says. The removed entry's position is not reported: the caller forgets it.
    template <class SetPos>
    void EraseAt(size_t pos, SetPos&& set_pos) {
        const Entry last = heap_.back();
        heap_.pop_back();
        if (pos == heap_.size()) {
            return;  // it was the last entry
        }
        if (pos > 0 && Less{}(last, heap_[Parent(pos)])) {
            SiftUp(pos, last, set_pos);
        } else {
            SiftDown(pos, last, set_pos);
        }
    }

  private:
    static constexpr size_t kArity = 4;

    template <class SetPos>
    void Place(size_t pos, const Entry& e, SetPos& set_pos) {
        heap_[pos] = e;
        set_pos(e, static_cast<uint32_t>(pos));
    }
    template <class SetPos>
    void SiftUp(size_t pos, const Entry& e, SetPos& set_pos) {
        while (pos > 0) {
            const size_t parent = Parent(pos);
            if (!Less{}(e, heap_[parent])) {
                break;
            }
            Place(pos, heap_[parent], set_pos);
            pos = parent;
        }
        Place(pos, e, set_pos);
    }
    template <class SetPos>
    void SiftDown(size_t pos, const Entry& e, SetPos& set_pos) {
        const size_t n = heap_.size();
        for (;;) {
            const size_t first = pos * kArity + 1;
            if (first >= n) {
                break;
            }
            const size_t last = first + kArity < n ? first + kArity : n;
            size_t best = first;
            for (size_t c = first + 1; c < last; ++c) {
                if (Less{}(heap_[c], heap_[best])) {
                    best = c;
                }
            }
            if (!Less{}(heap_[best], e)) {
                break;
            }
            Place(pos, heap_[best], set_pos);
            pos = best;
        }
        Place(pos, e, set_pos);
    }

    std::vector<Entry> heap_;
};

}  // namespace hotline::routing
