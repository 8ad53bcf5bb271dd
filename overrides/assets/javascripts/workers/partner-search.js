/*
 * The partner guide's search worker, behind Material for MkDocs' search UI.
 *
 * It answers the messages of Material's search worker (SETUP -> READY,
 * QUERY -> RESULT; see hooks/src/partner_guide/compat/material_search.py),
 * so the dialog, the s and / keys, keyboard navigation and highlighting are
 * Material's. SETUP brings only configuration (search/search_index.json);
 * the index files (site/search_index.py) are fetched on the first query,
 * and only those the query needs.
 *
 * A query is normalised as the pages were (site/search_text.py: full-width
 * forms, traditional characters, 五天 -> 5天), split into words without the
 * question words (怎么, how …), and each word gets its variants: synonyms
 * (佣金 -> 返佣), and for a word no page has, homophones (反佣 -> 返佣),
 * typed pinyin (fanyong -> 返佣) or a typo fix within one edit (agreemnet ->
 * agreement). Documents are scored by the words they cover, then grouped by
 * page with the best questions first, each with a snippet of its answer.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

/* ------------------------------------------------------- text (search_text.py) */

const HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
const NUMERALS = "零〇一二两三四五六七八九十百千万"
const COUNTERS = "天个日月年号份次周时元条项步名位家期倍季度张页款折人"
const DIGIT = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 }
const UNIT = { "十": 10, "百": 100, "千": 1000 }
const NUMERAL_RUN = new RegExp(`(?<=第)[${NUMERALS}]+|[${NUMERALS}]+(?=[${COUNTERS}])`, "g")
const TOKEN = new RegExp(`[${HAN}]+|[a-z]+|[0-9]+`, "g")
const IS_HAN = new RegExp(`^[${HAN}]`)

function numeralValue(run) {
  if (![...run].some(c => c in UNIT || c === "万"))
    return [...run].map(c => DIGIT[c]).join("")
  let total = 0, section = 0, number = 0
  for (const c of run) {
    if (c in DIGIT) number = DIGIT[c]
    else if (c in UNIT) { section += (number || 1) * UNIT[c]; number = 0 }
    else { total += ((section + number) || 1) * 10000; section = number = 0 }
  }
  return String(total + section + number)
}

/* The normalised text, and for each of its code units the offset in `text`
   it came from (snippets and highlighting work on the original text). */
function normalise(text, trad) {
  let folded = ""
  const from = []
  let offset = 0
  for (const char of text) {
    for (const c of char.normalize("NFKC").toLowerCase()) {
      const out = trad[c] || c
      folded += out
      for (let i = 0; i < out.length; i++) from.push(offset)
    }
    offset += char.length
  }
  let norm = "", last = 0
  const map = []
  folded.replace(NUMERAL_RUN, (run, at) => {
    norm += folded.slice(last, at)
    map.push(...from.slice(last, at))
    const value = numeralValue(run)
    norm += value
    for (let i = 0; i < value.length; i++) map.push(from[at])
    last = at + run.length
    return run
  })
  norm += folded.slice(last)
  map.push(...from.slice(last), text.length)
  return { norm, map }
}

function stem(word) {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y"
  if (word.length > 4 && /(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3)
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2)
  return word
}

const isHan = token => IS_HAN.test(token)
const isNumber = token => /^[0-9]/.test(token)
const pairs = run => run.length === 1 ? [run] : [...run.slice(1)].map((c, i) => run[i] + c)
const keyOf = token => isHan(token) || isNumber(token) ? token : stem(token)

/* The keys of a normalised text, as search_text.keys makes them. */
function keysOf(norm) {
  return (norm.match(TOKEN) || []).flatMap(t => isHan(t) ? pairs(t) : [keyOf(t)])
}

/* 32-bit FNV-1a over code points (search_index.fnv1a). */
function fnv1a(key) {
  let h = 0x811c9dc5
  for (const c of key) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0
  return h >>> 0
}

/* ----------------------------------------------------------- index files */

let engine = null, root = null, lang = "zh"
const files = new Map()

function fetchJSON(url) {
  if (!files.has(url))
    files.set(url, fetch(url).then(r => r.ok ? r.json() : {}).catch(() => ({})))
  return files.get(url)
}

async function lexicon() {
  const raw = await fetchJSON(new URL("lex.json", root).href)
  if (!raw.prepared) {
    const trad = {}, chars = [...(raw.trad || "")]
    for (let i = 0; i + 1 < chars.length; i += 2) trad[chars[i]] = chars[i + 1]
    let page = 0
    raw.prepared = {
      trad,
      pages: (raw.pages || []).map(delta => page += delta),
      syllables: new Set(raw.syllables || [])
    }
  }
  return raw.prepared
}

/* The values of `keys` in a key space: t postings, p sounds, x typos, y readings. */
async function lookup(space, keys) {
  const count = engine[space] || 0
  const unique = [...new Set(keys)]
  if (!count || !unique.length) return new Map()
  const found = await Promise.all(unique.map(k => fetchJSON(new URL(`${space}/${fnv1a(k) % count}.json`, root).href)))
  return new Map(unique.map((k, i) => [k, found[i][k]]).filter(([, v]) => v !== undefined))
}

/* ----------------------------------------------------------------- query */

function variant(text, weight) {
  return { text, weight, keys: [...new Set(keysOf(text))] }
}

/* The query's words, each with its variants (first: as typed). */
function analyse(query, trad) {
  const { norm } = normalise(query, trad)
  const tokens = norm.match(TOKEN) || []
  const stop = new Set(engine.stop || [])
  const stopHan = [...stop].filter(isHan).sort((a, b) => b.length - a.length)
  let words = tokens.flatMap(token => {
    if (!isHan(token)) return stop.has(token) ? [] : [token]
    let parts = [token]
    for (const w of stopHan) parts = parts.flatMap(p => p.split(w))
    return parts.filter(Boolean)
  })
  if (!words.length) words = tokens  /* a query of question words only */
  return words.map(word => {
    const variants = [variant(word, 1)]
    for (const [typed, used] of Object.entries(engine.syn || {})) {
      const hit = isHan(word) ? isHan(typed) && word.includes(typed) : keyOf(word) === keyOf(typed)
      if (hit)
        for (const target of used)
          variants.push(variant(isHan(word) ? word.replace(typed, target) : target, 0.9))
    }
    return { word, variants }
  })
}

function withinOneEdit(a, b) {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

const deletions = word => [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1))

/* Pinyin split into syllables, longest first: fanyong -> fan yong. */
function syllables(text, known, at = 0) {
  if (at === text.length) return []
  for (let end = Math.min(text.length, at + 6); end > at; end--)
    if (known.has(text.slice(at, end))) {
      const rest = syllables(text, known, end)
      if (rest) return [text.slice(at, end), ...rest]
    }
  return null
}

/* Variants for the words no page has: homophones, typed pinyin, typos. */
async function recover(groups, postings, lex) {
  const missing = key => !postings.has(key)
  const unknown = g => g.variants.every(v => v.keys.some(missing))
  /* Pinyin typed with spaces is one word: qi feng zhang -> qifengzhang */
  const spelt = g => !isHan(g.word) && !isNumber(g.word) && unknown(g) && syllables(g.word, lex.syllables)
  for (let i = 0; lex.syllables.size && i < groups.length; i++) {
    let j = i
    while (j < groups.length && spelt(groups[j])) j++
    if (j - i > 1) {
      const word = groups.slice(i, j).map(g => g.word).join("")
      groups.splice(i, j - i, { word, variants: [{ text: word, weight: 1, keys: [word] }] })
    }
  }
  const lost = groups.filter(unknown)
  const chars = new Set(), pinyin = [], typos = []
  for (const group of lost) {
    const word = group.word
    if (isHan(word)) {
      for (const key of group.variants[0].keys.filter(missing))
        if (key.length === 2) for (const c of key) chars.add(c)
    } else if (!isNumber(word)) {
      const split = lex.syllables.size ? syllables(word, lex.syllables) : null
      if (split && split.length > 1) pinyin.push([group, split])
      else if (word.length >= 4) typos.push(group)
    }
  }
  const fresh = []
  if (chars.size) {  /* 反佣 sounds like 返佣 */
    const readings = await lookup("y", [...chars])
    const soundsOf = {}
    for (const group of lost.filter(g => isHan(g.word)))
      for (const key of group.variants[0].keys.filter(k => k.length === 2 && missing(k))) {
        const [a, b] = [...key].map(c => (readings.get(c) || "").split("/").filter(Boolean).slice(0, 3))
        soundsOf[key] = a.flatMap(x => b.map(y => `${x} ${y}`))
      }
    const sounds = await lookup("p", Object.values(soundsOf).flat())
    for (const group of lost.filter(g => isHan(g.word))) {
      let text = group.variants[0].text
      for (const [key, heard] of Object.entries(soundsOf)) {
        const same = heard.flatMap(s => sounds.get(s) || [])
        const at = text.indexOf(key)
        if (same.length && at >= 0) text = text.slice(0, at) + same[0] + text.slice(at + 2)
      }
      if (text !== group.variants[0].text) fresh.push(group.variants[group.variants.push(variant(text, 0.8)) - 1])
    }
  }
  if (pinyin.length) {  /* fanyong -> 返佣 */
    const sounds = await lookup("p", pinyin.flatMap(([, s]) => s.slice(1).map((x, i) => `${s[i]} ${x}`)))
    for (const [group, split] of pinyin) {
      let text = ""
      for (let i = 1; i < split.length && text !== null; i++) {
        const options = sounds.get(`${split[i - 1]} ${split[i]}`) || []
        const next = options.find(o => !text || o[0] === text[text.length - 1]) || options[0]
        text = !next ? null : text && next[0] === text[text.length - 1] ? text + next[1] : text + next
      }
      if (text) fresh.push(group.variants[group.variants.push(variant(text, 0.8)) - 1])
    }
  }
  if (typos.length) {  /* agreemnet -> agreement */
    const stems = typos.map(g => stem(g.word))
    const found = await lookup("x", stems.flatMap(s => [s, ...deletions(s)]))
    typos.forEach((group, n) => {
      const s = stems[n]
      const near = new Set([s, ...deletions(s)].flatMap(p => found.get(p) || []))
      for (const word of near)
        if (word !== s && withinOneEdit(s, word))
          fresh.push(group.variants[group.variants.push({ text: word, weight: 0.8, keys: [word] }) - 1])
    })
  }
  for (const [key, list] of await lookup("t", fresh.flatMap(v => v.keys).filter(missing)))
    postings.set(key, list)
}

/* Documents by score: the sum over words of their best variant's impacts,
   times how much of the query they cover. Documents covering less than
   half of what the best ones cover are left out (渠道 alone for 渠道小助手). */
function rank(groups, postings) {
  const scores = new Map()
  for (const group of groups) {
    const best = new Map()
    for (const v of group.variants) {
      const sums = new Map(), hits = new Map()
      for (const key of v.keys) {
        const list = postings.get(key)
        if (!list) continue
        for (let i = 0, doc = 0; i < list.length; i += 2) {
          doc += list[i]
          sums.set(doc, (sums.get(doc) || 0) + list[i + 1])
          hits.set(doc, (hits.get(doc) || 0) + 1)
        }
      }
      for (const [doc, sum] of sums) {
        const value = { score: v.weight * sum, cover: v.weight * hits.get(doc) / v.keys.length }
        const old = best.get(doc)
        if (!old || value.cover > old.cover || (value.cover === old.cover && value.score > old.score))
          best.set(doc, value)
      }
    }
    for (const [doc, { score, cover }] of best) {
      const entry = scores.get(doc) || { score: 0, cover: 0 }
      entry.score += score
      entry.cover += cover / groups.length
      scores.set(doc, entry)
    }
  }
  const most = Math.max(0, ...[...scores.values()].map(s => s.cover))
  return [...scores].filter(([, { cover }]) => cover >= most / 2)
    .map(([doc, { score, cover }]) => [doc, score * (0.2 + cover * cover)])
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/* ---------------------------------------------------------------- results */

const MAX_PAGES = 20        /* pages in a result */
const PER_PAGE = 4          /* questions shown per page */
const FIRST_FILES = 6       /* document files awaited before the first answer */
const SNIPPET = { zh: 90, en: 180 }

function pageOf(doc, starts) {
  let lo = 0, hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= doc) lo = mid; else hi = mid - 1
  }
  return starts[lo]
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
const escapeHTML = s => s.replace(/[&<>"']/g, c => ESCAPES[c])

/* The spans of `text` (its own offsets) that match the query's variants. */
function matches(text, groups, trad) {
  const { norm, map } = normalise(text, trad)
  const marked = new Uint8Array(norm.length)
  for (const key of new Set(groups.flatMap(g => g.variants.flatMap(v => v.keys)))) {
    if (isHan(key)) {
      for (let at = norm.indexOf(key); at >= 0; at = norm.indexOf(key, at + 1))
        marked.fill(1, at, at + key.length)
    } else {
      for (const m of norm.matchAll(TOKEN))
        if (!isHan(m[0]) && keyOf(m[0]) === key) marked.fill(1, m.index, m.index + m[0].length)
    }
  }
  const spans = []
  for (let i = 0; i < norm.length; i++) {
    if (!marked[i]) continue
    let j = i
    while (j < norm.length && marked[j]) j++
    spans.push([map[i], map[j]])
    i = j
  }
  return spans
}

function markup(text, spans, from = 0, to = text.length) {
  let out = "", at = from
  for (const [a, b] of spans) {
    if (b <= from || a >= to) continue
    const s = Math.max(a, from), e = Math.min(b, to)
    out += escapeHTML(text.slice(at, s)) + "<mark>" + escapeHTML(text.slice(s, e)) + "</mark>"
    at = e
  }
  return out + escapeHTML(text.slice(at, to))
}

/* A window of the answer around its densest matches. */
function snippet(text, spans) {
  const size = SNIPPET[lang] || SNIPPET.en
  if (text.length <= size) return markup(text, spans)
  let start = 0, best = -1
  for (const [a] of spans) {
    const covered = spans.reduce((n, [x, y]) => n + Math.max(0, Math.min(y, a + size) - Math.max(x, a)), 0)
    if (covered > best) { best = covered; start = a }
  }
  start = Math.max(0, Math.min(start - Math.floor(size / 5), text.length - size))
  const end = Math.min(text.length, start + size)
  return (start > 0 ? "…" : "") + markup(text, spans, start, end) + (end < text.length ? "…" : "")
}

/* One of Material's search items. `terms` are the words found, as the page
   writes them: Material turns them into the link's ?h= (what it highlights
   on the page); none is ever marked missing. */
function item(record, groups, trad, score, pageURL) {
  const [, where, title, text] = record
  const titleSpans = matches(title, groups, trad), textSpans = matches(text, groups, trad)
  const terms = {}, seen = new Set()
  for (const [source, spans] of [[title, titleSpans], [text, textSpans]])
    for (const [a, b] of spans) {
      const term = source.slice(a, b).trim()
      if (term && !seen.has(term.toLowerCase())) { seen.add(term.toLowerCase()); terms[term] = true }
    }
  return {
    location: pageURL === null ? where : `${pageURL}#${where}`,
    title: markup(title, titleSpans),
    text: textSpans.length ? snippet(text, textSpans) : "",
    score, terms
  }
}

let current = 0

async function search(query, id) {
  if (!query.trim()) return { items: [] }
  const lexP = lexicon()
  let groups = analyse(query, {})
  const postings = await lookup("t", groups.flatMap(g => g.variants.flatMap(v => v.keys)))
  const lex = await lexP
  if (Object.keys(lex.trad).length) {  /* 發票 -> 发票 */
    groups = analyse(query, lex.trad)
    const fresh = groups.flatMap(g => g.variants.flatMap(v => v.keys)).filter(k => !postings.has(k))
    for (const [key, list] of await lookup("t", fresh)) postings.set(key, list)
  }
  if (id !== current) return null
  await recover(groups, postings, lex)
  if (id !== current) return null
  const ranked = rank(groups, postings)
  if (!ranked.length) return { items: [] }

  /* Pages in the order of their best document, each with its best documents. */
  const pages = new Map()
  for (const [doc, score] of ranked) {
    const page = pageOf(doc, lex.pages)
    if (!pages.has(page)) {
      if (pages.size === MAX_PAGES) continue
      pages.set(page, [])
    }
    const docs = pages.get(page)
    if (docs.length < PER_PAGE) docs.push([doc, score])
  }
  const per = engine.per, wanted = []
  for (const [page, docs] of pages)
    for (const file of [page, ...docs.map(([d]) => d)].map(d => Math.floor(d / per)))
      if (!wanted.includes(file)) wanted.push(file)
  const records = new Map()
  const loadFile = async file => {
    const list = await fetchJSON(new URL(`d/${file}.json`, root).href)
    if (Array.isArray(list)) list.forEach((record, i) => records.set(file * per + i, record))
  }
  await Promise.all(wanted.slice(0, FIRST_FILES).map(loadFile))
  if (id !== current) return null

  const top = ranked[0][1]
  const answer = () => {
    const items = []
    for (const [page, docs] of pages) {
      if (!records.has(page) || !docs.every(([d]) => records.has(d))) break
      const url = records.get(page)[1]
      const questions = docs.filter(([d]) => d !== page)
        .map(([d, s]) => item(records.get(d), groups, lex.trad, s / top * 100, url))
      /* The page first, scored just below its best question: Material then
         shows that question's answer, and Enter opens the question. */
      const own = item(records.get(page), groups, lex.trad,
        questions.length ? questions[0].score - 0.5 : docs[0][1] / top * 100, null)
      if (questions.length) own.text = ""
      const seen = new Set(Object.keys(own.terms).map(t => t.toLowerCase()))
      for (const q of questions)
        for (const term of Object.keys(q.terms))
          if (!seen.has(term.toLowerCase())) { seen.add(term.toLowerCase()); own.terms[term] = true }
      items.push([own, ...questions])
    }
    return { items }
  }
  if (wanted.length > FIRST_FILES)  /* the rest follow in a second answer */
    Promise.all(wanted.slice(FIRST_FILES).map(loadFile)).then(() => {
      if (id === current) postMessage({ type: RESULT, data: answer() })
    })
  return answer()
}

addEventListener("message", async ev => {
  const message = ev.data
  if (message.type === SETUP) {
    const config = message.data.config
    engine = config.engine
    lang = (config.lang || ["zh"])[0]
    root = new URL(engine.path, self.location.href)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const id = ++current
    try {
      const data = await search(message.data, id)
      if (data && id === current) postMessage({ type: RESULT, data })
    } catch (err) {
      console.warn(err)
      if (id === current) postMessage({ type: RESULT, data: { items: [] } })
    }
  }
})
