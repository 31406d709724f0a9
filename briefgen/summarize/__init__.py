# TEMPORARY (uncommitted) until the summarizer branch lands
def summarize(
    sentences, *, headline=None, language="en", words=None, sentence_count=None, method="default"
):
    return list(range(min(3, len(sentences))))
