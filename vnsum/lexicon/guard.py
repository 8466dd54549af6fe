"""What the faithfulness guard of generated bullets needs to know about Vietnamese.

A generated bullet may drop words but must not add facts or flip meaning. Negations decide meaning:
"chưa hoàn thành" and "hoàn thành" are opposite reports. Function syllables carry no facts, so a model
may add or drop them freely (they are left out of the novel-content share).
"""

# Syllables that negate what follows them. "chớ"/"đừng" negate an order; "chẳng"/"không hề" a statement.
NEGATIONS: frozenset[str] = frozenset({"không", "chưa", "chẳng", "chớ", "đừng", "chả", "hề"})

# How many syllables after a negation it governs ("chưa được triển khai": the next two carry the meaning).
NEGATION_SCOPE = 2

# Function syllables: connectives, classifiers, copulas, prepositions. A model may add these without
# adding a fact, so they do not count as novel content.
FUNCTION_SYLLABLES: frozenset[str] = frozenset(
    """
    và của các những là được bị cho với trong ngoài trên dưới tại về từ đến tới theo để do vì nên
    thì mà này đó ấy đã đang sẽ cũng vẫn còn rất nhiều đều có một hai ba việc sự cuộc nhằm qua
    như cùng hay hoặc lại ra vào lên xuống khi nếu nhưng song tuy đồng thời bên cạnh ngày tháng năm
    """.split()
)
