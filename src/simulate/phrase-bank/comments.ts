// Comments simulated users leave with a rating, by how the answer landed. Scored later by the sentiment lexicon.
export const COMMENTS_BY_RATING: Record<1 | 2 | 3 | 4 | 5, readonly string[]> = {
  5: [
    "perfect, exactly what I needed",
    "love this, great pick",
    "spot on, thank you!",
    "brilliant suggestions, made my night",
    "so good, the soup idea was amazing",
  ],
  4: ["pretty good picks", "nice, helpful list", "good ideas, will try the second one", "liked it, close enough"],
  3: ["ok I guess", "some good, some weird", "fine but a bit generic", "meh, not sure"],
  2: ["not really what I asked for", "boring suggestions", "disappointing, too generic", "missed the point of my mood"],
  1: ["terrible, ignored what I said", "awful picks, useless", "completely wrong, bad recommendations", "hate this, nothing fits"],
};
