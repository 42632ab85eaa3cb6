<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Build a new model from the panel and train it</source>
        <translation>Ein neues Modell nach dem Experimentbereich bauen und trainieren</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current batch; the model keeps what it learned (Esc)</source>
        <translation>Nach dem laufenden Batch anhalten; das Modell behält, was es gelernt hat (Esc)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Weiter trainieren</translation>
    </message>
    <message>
        <source>Train the current model further, from the next epoch</source>
        <translation>Das aktuelle Modell ab der nächsten Epoche weiter trainieren</translation>
    </message>
    <message>
        <source>One e&amp;poch</source>
        <translation>Eine E&amp;poche</translation>
    </message>
    <message>
        <source>Train exactly one epoch more</source>
        <translation>Genau eine Epoche weiter trainieren</translation>
    </message>
    <message>
        <source>&amp;Runs folder…</source>
        <translation>Ordner der &amp;Läufe…</translation>
    </message>
    <message>
        <source>Where runs are kept, each in a folder of its own</source>
        <translation>Wo die Läufe aufbewahrt werden, jeder in einem eigenen Ordner</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>Modell &amp;speichern…</translation>
    </message>
    <message>
        <source>Save &amp;weights…</source>
        <translation>Ge&amp;wichte speichern…</translation>
    </message>
    <message>
        <source>The weights only, as .weights.h5</source>
        <translation>Nur die Gewichte, als .weights.h5</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <source>The whole model as .h5 or .keras: architecture, weights, optimizer state</source>
        <translation>Das ganze Modell als .h5 oder .keras: Architektur, Gewichte, Zustand des Optimierers</translation>
    </message>
    <message>
        <source>A whole .h5 or .keras model; it becomes the Training tab&apos;s model</source>
        <translation>Ein ganzes .h5- oder .keras-Modell; es wird das Modell des Tabs „Training“</translation>
    </message>
    <message>
        <source>Load w&amp;eights…</source>
        <translation>&amp;Gewichte laden…</translation>
    </message>
    <message>
        <source>Weights into the current net; its history starts anew</source>
        <translation>Gewichte in das aktuelle Netz; sein Verlauf beginnt neu</translation>
    </message>
    <message>
        <source>A CSV file of your own: choose its target and features, then train on it</source>
        <translation>Eine eigene CSV-Datei: Ziel und Merkmale wählen, dann darauf trainieren</translation>
    </message>
    <message>
        <source>&amp;Open data…</source>
        <translation>Daten ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>E&amp;xport script…</source>
        <translation>Skript e&amp;xportieren…</translation>
    </message>
    <message>
        <source>The tab&apos;s experiment as a Python script that trains it with Keras</source>
        <translation>Das Experiment des Tabs als Python-Skript, das es mit Keras trainiert</translation>
    </message>
    <message>
        <source>Export &amp;history (CSV)…</source>
        <translation>&amp;Verlauf exportieren (CSV)…</translation>
    </message>
    <message>
        <source>epoch, loss, val_loss, run: the open run, or the runs ticked on the Runs page</source>
        <translation>epoch, loss, val_loss, run: der geöffnete Lauf oder die auf der Seite „Läufe“ angehakten Läufe</translation>
    </message>
    <message>
        <source>Export pre&amp;dictions (CSV)…</source>
        <translation>V&amp;orhersagen exportieren (CSV)…</translation>
    </message>
    <message>
        <source>The test predictions against the truth at the epoch shown</source>
        <translation>Die Vorhersagen auf den Testdaten gegen die wahren Werte, in der gezeigten Epoche</translation>
    </message>
    <message>
        <source>Export &amp;plots…</source>
        <translation>&amp;Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Every plot of the tab in view as PNG (at twice its size) and SVG, into a folder</source>
        <translation>Jedes Diagramm des gezeigten Tabs als PNG (in doppelter Größe) und SVG, in einen Ordner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Log scale for the loss</source>
        <translation>&amp;Logarithmische Skala für den loss</translation>
    </message>
    <message>
        <source>Experiment &amp;panel</source>
        <translation>&amp;Experimentbereich</translation>
    </message>
    <message>
        <source>Show or hide the experiment panel</source>
        <translation>Den Experimentbereich ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Keras &amp;code</source>
        <translation>Keras-&amp;Code</translation>
    </message>
    <message>
        <source>Show the tab&apos;s experiment as Keras code</source>
        <translation>Das Experiment des Tabs als Keras-Code zeigen</translation>
    </message>
    <message>
        <source>&amp;Inside the net</source>
        <translation>&amp;Blick ins Netz</translation>
    </message>
    <message>
        <source>The Training tab&apos;s net from inside: its weights, one neuron&apos;s numbers, the gradients per layer</source>
        <translation>Das Netz des Tabs „Training“ von innen: seine Gewichte, die Zahlen eines Neurons, die Gradienten je Schicht</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <source>Larger text and thicker lines, for the back row</source>
        <translation>Größere Schrift und dickere Linien, für die hinteren Reihen</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>&amp;Kleinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale Schriftgröße</translation>
    </message>
    <message>
        <source>&amp;About this lecture lab</source>
        <translation>Ü&amp;ber Keras Lecture Lab</translation>
    </message>
</context>
<context>
    <name>ActivationView</name>
    <message>
        <source>Activation functions (solid) and their derivatives (dashed)</source>
        <translation>Aktivierungsfunktionen (durchgezogen) und ihre Ableitungen (gestrichelt)</translation>
    </message>
    <message>
        <source>Two ReLUs combined</source>
        <translation>Zwei ReLUs kombiniert</translation>
    </message>
    <message>
        <source>Side by side (Nebeneinanderausführung)</source>
        <translation>Nebeneinanderausführung</translation>
    </message>
    <message>
        <source>One after the other (Hintereinanderausführung)</source>
        <translation>Hintereinanderausführung</translation>
    </message>
    <message>
        <source>combined</source>
        <translation>kombiniert</translation>
    </message>
    <message>
        <source>w₂h+b₂, before the outer relu</source>
        <translation>w₂h+b₂, vor der äußeren relu</translation>
    </message>
</context>
<context>
    <name>AndTab</name>
    <message>
        <source>AND neuron</source>
        <translation>AND-Neuron</translation>
    </message>
    <message>
        <source>There is no table to save yet: train first.</source>
        <translation>Es gibt noch keine Tabelle zum Speichern: zuerst trainieren.</translation>
    </message>
    <message>
        <source>Save the AND table</source>
        <translation>AND-Tabelle speichern</translation>
    </message>
    <message>
        <source>Table written to {path}.</source>
        <translation>Tabelle geschrieben: {path}.</translation>
    </message>
    <message>
        <source>Training {title}…</source>
        <translation>{title} wird trainiert…</translation>
    </message>
    <message>
        <source>Update {n} of 4 in epoch {epoch}</source>
        <translation>Update {n} von 4 in Epoche {epoch}</translation>
    </message>
    <message>
        <source>AND: {epochs} epochs, loss {loss}; predictions {predictions}</source>
        <translation>AND: {epochs} Epochen, loss {loss}; Vorhersagen {predictions}</translation>
    </message>
</context>
<context>
    <name>AndView</name>
    <message>
        <source>One neuron, MSE, SGD with batch size 1</source>
        <translation>Ein Neuron, MSE, SGD mit Batchgröße 1</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>The neuron&apos;s activation function: relu(z) = max(0, z) or sigmoid(z) = 1/(1+e⁻ᶻ), with z = w₁x₁ + w₂x₂ + b.</source>
        <translation>Die Aktivierungsfunktion des Neurons: relu(z) = max(0, z) oder sigmoid(z) = 1/(1+e⁻ᶻ), mit z = w₁x₁ + w₂x₂ + b.</translation>
    </message>
    <message>
        <source>Start weight of x₁, set with model.set_weights before training.</source>
        <translation>Startgewicht von x₁, vor dem Training mit model.set_weights gesetzt.</translation>
    </message>
    <message>
        <source>Start weight of x₂, set with model.set_weights before training.</source>
        <translation>Startgewicht von x₂, vor dem Training mit model.set_weights gesetzt.</translation>
    </message>
    <message>
        <source>Start bias b, set with model.set_weights before training.</source>
        <translation>Start-Bias b, vor dem Training mit model.set_weights gesetzt.</translation>
    </message>
    <message>
        <source>Draw start weights from the seed</source>
        <translation>Startgewichte aus dem Seed ziehen</translation>
    </message>
    <message>
        <source>Let Keras&apos;s initializers draw the start weights, from the seed below (keras.utils.set_random_seed).</source>
        <translation>Die Initialisierer von Keras ziehen die Startgewichte, aus dem Seed darunter (keras.utils.set_random_seed).</translation>
    </message>
    <message>
        <source>The seed for the drawn start weights and the shuffling.</source>
        <translation>Der Seed für die gezogenen Startgewichte und das Mischen.</translation>
    </message>
    <message>
        <source>SGD&apos;s step size: after every sample each weight moves by the learning rate times its gradient.</source>
        <translation>Die Schrittweite von SGD: Nach jedem Beispiel ändert sich jedes Gewicht um die Lernrate mal seinen Gradienten.</translation>
    </message>
    <message>
        <source>Passes over the four samples; each epoch makes four updates (batch size 1).</source>
        <translation>Durchläufe durch die vier Beispiele; jede Epoche macht vier Updates (Batchgröße 1).</translation>
    </message>
    <message>
        <source>Shuffle the four samples every epoch</source>
        <translation>Die vier Beispiele in jeder Epoche mischen</translation>
    </message>
    <message>
        <source>fit(..., shuffle=True): the samples come in a new order each epoch. The slides keep the truth table&apos;s order.</source>
        <translation>fit(..., shuffle=True): Die Beispiele kommen in jeder Epoche in neuer Reihenfolge. Die Folien behalten die Reihenfolge der Wahrheitstabelle bei.</translation>
    </message>
    <message>
        <source>Slide values</source>
        <translation>Folienwerte</translation>
    </message>
    <message>
        <source>The lecture&apos;s start weights, learning rate and epochs</source>
        <translation>Startgewichte, Lernrate und Epochen aus der Vorlesung</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>One sample</source>
        <translation>Ein Beispiel</translation>
    </message>
    <message>
        <source>One SGD update on the next sample of the truth table, as on the slides; after the fourth, the epoch&apos;s row joins the table. Changed settings start a new neuron.</source>
        <translation>Ein SGD-Update mit dem nächsten Beispiel der Wahrheitstabelle, wie auf den Folien; nach dem vierten kommt die Zeile der Epoche in die Tabelle. Geänderte Einstellungen beginnen mit einem neuen Neuron.</translation>
    </message>
    <message>
        <source>prediction ŷ</source>
        <translation>Vorhersage ŷ</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Tabelle kopieren</translation>
    </message>
    <message>
        <source>Save every epoch&apos;s table as CSV…</source>
        <translation>Die Tabelle jeder Epoche als CSV speichern…</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>{epoch} of {last}</source>
        <translation>{epoch} von {last}</translation>
    </message>
    <message>
        <source>Weights before training</source>
        <translation>Gewichte vor dem Training</translation>
    </message>
    <message>
        <source>Weights after epoch {epoch}</source>
        <translation>Gewichte nach Epoche {epoch}</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Confusion matrix of the test rows (rows: true class, columns: predicted)</source>
        <translation>Konfusionsmatrix der Testzeilen (Zeilen: wahre Klasse, Spalten: vorhergesagte)</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>Klasse {name}</translation>
    </message>
    <message>
        <source>test rows</source>
        <translation>Testzeilen</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>Den Code in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Export script…</source>
        <translation>Skript exportieren…</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>true price</source>
        <translation>wahrer Preis</translation>
    </message>
    <message>
        <source>predicted price</source>
        <translation>vorhergesagter Preis</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <source>Open data: {name}</source>
        <translation>Daten öffnen: {name}</translation>
    </message>
    <message>
        <source>{rows} rows, {columns} columns</source>
        <translation>{rows} Zeilen, {columns} Spalten</translation>
    </message>
    <message>
        <source>Regression (numbers)</source>
        <translation>Regression (Zahlen)</translation>
    </message>
    <message>
        <source>Classification (classes)</source>
        <translation>Klassifikation (Klassen)</translation>
    </message>
    <message>
        <source>Make the output layer and loss fit the task</source>
        <translation>Ausgabeschicht und Verlustfunktion an die Aufgabe anpassen</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>deviation</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>mean after</source>
        <translation>Mittel danach</translation>
    </message>
    <message>
        <source>deviation after</source>
        <translation>Abw. danach</translation>
    </message>
    <message>
        <source>Target column</source>
        <translation>Zielspalte</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Seed of the split</source>
        <translation>Seed der Aufteilung</translation>
    </message>
    <message>
        <source>Feature columns</source>
        <translation>Merkmalsspalten</translation>
    </message>
    <message>
        <source>Each feature before and after standardisation (on the training rows)</source>
        <translation>Jedes Merkmal vor und nach der Standardisierung (auf den Trainingszeilen)</translation>
    </message>
    <message>
        <source>Not a number in every row: it cannot be an input.</source>
        <translation>Nicht in jeder Zeile eine Zahl: kann keine Eingabe sein.</translation>
    </message>
    <message>
        <source>{rows} rows of {file}: {features} → {target}</source>
        <translation>{rows} Zeilen aus {file}: {features} → {target}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Keras HDF5 model</source>
        <translation>Keras-HDF5-Modell</translation>
    </message>
    <message>
        <source>Keras model, Keras 3 format</source>
        <translation>Keras-Modell, Format von Keras 3</translation>
    </message>
    <message>
        <source>Keras models</source>
        <translation>Keras-Modelle</translation>
    </message>
    <message>
        <source>Keras weights only</source>
        <translation>Nur Keras-Gewichte</translation>
    </message>
    <message>
        <source>Weights of a Keras model</source>
        <translation>Gewichte eines Keras-Modells</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>Keras Lecture Lab</source>
        <translation>Keras Lecture Lab</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unsaved training</source>
        <translation>Nicht gespeichertes Training</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Looking inside the net</source>
        <translation>Blick ins Netz</translation>
    </message>
    <message>
        <source>Saved the weights to {path}.</source>
        <translation>Gewichte in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Saved the model to {path}.</source>
        <translation>Modell in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>The runs folder {folder} cannot be written: runs are not kept, and unsaved models are asked about. File → Runs folder… chooses another.</source>
        <translation>In den Ordner der Läufe {folder} kann nicht geschrieben werden: Läufe werden nicht aufbewahrt, und bei ungespeicherten Modellen wird nachgefragt. Datei → Ordner der Läufe… wählt einen anderen.</translation>
    </message>
    <message>
        <source>Opening the run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>Opened the run {name}: {n} epochs.</source>
        <translation>Lauf {name} geöffnet: {n} Epochen.</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow wird geladen…</translation>
    </message>
    <message>
        <source>Building the model</source>
        <translation>Aufbau des Modells</translation>
    </message>
    <message>
        <source>Ready: {title}, {n} weights</source>
        <translation>Bereit: {title}, {n} Gewichte</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The model has already trained {n} epochs; ask for more than that.</source>
        <translation>Das Modell ist schon {n} Epochen trainiert; mehr Epochen als das angeben.</translation>
    </message>
    <message>
        <source>Training epochs {first}–{last}…</source>
        <translation>Training der Epochen {first}–{last}…</translation>
    </message>
    <message>
        <source>The run could not be kept in its folder: {why}</source>
        <translation>Der Lauf konnte nicht in seinem Ordner aufbewahrt werden: {why}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Training wird abgebrochen…</translation>
    </message>
    <message>
        <source>Saving at the end of this epoch to {path}…</source>
        <translation>Am Ende dieser Epoche wird in {path} gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: there is no model yet.</source>
        <translation>Nicht gespeichert: Es gibt noch kein Modell.</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Loaded {name}: {n} epochs trained.</source>
        <translation>{name} geladen: {n} Epochen trainiert.</translation>
    </message>
    <message>
        <source>Loading weights</source>
        <translation>Laden der Gewichte</translation>
    </message>
    <message>
        <source>Weights loaded; the history starts anew at epoch 0.</source>
        <translation>Gewichte geladen; der Verlauf beginnt neu bei Epoche 0.</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <source>The lecture&apos;s experiments; choosing one replaces the model.</source>
        <translation>Die Experimente der Vorlesung; eine Auswahl ersetzt das Modell.</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Dense layers (input → output)</source>
        <translation>Dense-Schichten (Eingabe → Ausgabe)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Neuronen</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>Bias</translation>
    </message>
    <message>
        <source>keras.Sequential of Dense layers: units, activation and use_bias per layer. The last layer predicts the target: 1 unit, usually linear.</source>
        <translation>keras.Sequential aus Dense-Schichten: units, activation und use_bias je Schicht. Die letzte Schicht sagt die Zielgröße vorher: 1 Neuron, meist linear.</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Schicht hinzufügen</translation>
    </message>
    <message>
        <source>A hidden Dense(10, activation=&quot;relu&quot;) before the output layer.</source>
        <translation>Eine verdeckte Schicht Dense(10, activation=&quot;relu&quot;) vor der Ausgabeschicht.</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Schicht entfernen</translation>
    </message>
    <message>
        <source>Removes the chosen layer, or else the last hidden one.</source>
        <translation>Entfernt die gewählte Schicht, sonst die letzte verdeckte.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlustfunktion</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>Anteil der Validierungsmenge</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation>Geduld (Patience)</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Seed of the points</source>
        <translation>Seed der Punkte</translation>
    </message>
    <message>
        <source>MSE (mean squared error)</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>MAE (mean absolute error)</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Binäre Kreuzentropie</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>Kat. Kreuzentropie</translation>
    </message>
    <message>
        <source>How far the 2-D problem&apos;s points scatter from their clean shape (0: none).</source>
        <translation>Wie weit die Punkte des 2-D-Problems um ihre saubere Form streuen (0: gar nicht).</translation>
    </message>
    <message>
        <source>The seed the 2-D problem&apos;s points are drawn from; Seed above draws the weights and the split.</source>
        <translation>Der Seed, aus dem die Punkte des 2-D-Problems gezogen werden; der Seed darüber zieht die Gewichte und die Aufteilung.</translation>
    </message>
    <message>
        <source>The loss function compile(loss=...) minimises: MSE squares every error, so large errors weigh most; MAE takes them as they are. For classes: binary cross-entropy (2 classes, 1 sigmoid unit) or sparse categorical cross-entropy (a softmax unit per class).</source>
        <translation>Die Verlustfunktion, die compile(loss=...) minimiert: MSE (mittlerer quadratischer Fehler) quadriert jeden Fehler, große Fehler wiegen also am meisten; MAE (mittlerer absoluter Fehler) nimmt sie, wie sie sind. Für Klassen: binäre Kreuzentropie (2 Klassen, 1 Sigmoid-Neuron) oder kategoriale Kreuzentropie, sparse (ein Softmax-Neuron je Klasse).</translation>
    </message>
    <message>
        <source>How compile(optimizer=...) turns gradients into steps: sgd steps by learning rate × gradient; adam and rmsprop adapt the step per weight.</source>
        <translation>Wie compile(optimizer=...) aus Gradienten Schritte macht: sgd geht um Lernrate × Gradient; adam und rmsprop passen den Schritt für jedes Gewicht an.</translation>
    </message>
    <message>
        <source>The optimizer&apos;s step size. Too large and the loss jumps or becomes NaN; too small and training crawls.</source>
        <translation>Die Schrittweite des Optimierers. Zu groß, und der loss springt oder wird NaN; zu klein, und das Training kriecht.</translation>
    </message>
    <message>
        <source>fit(epochs=...): how often the whole training set is passed through the net.</source>
        <translation>fit(epochs=...): wie oft die ganze Trainingsmenge durch das Netz geht.</translation>
    </message>
    <message>
        <source>fit(batch_size=...): samples per gradient step. An epoch makes training rows ÷ batch size updates; 1 is per-sample SGD.</source>
        <translation>fit(batch_size=...): Beispiele je Gradientenschritt. Eine Epoche macht Trainingszeilen ÷ Batchgröße Updates; 1 ist SGD Beispiel für Beispiel.</translation>
    </message>
    <message>
        <source>The share of the training rows held out as the validation set for val_loss; drawn at random from the seed.</source>
        <translation>Der Anteil der Trainingszeilen, der als Validierungsmenge für val_loss zurückbehalten wird; zufällig aus dem Seed gezogen.</translation>
    </message>
    <message>
        <source>keras.utils.set_random_seed: the same seed gives the same start weights, validation rows and shuffling.</source>
        <translation>keras.utils.set_random_seed: Derselbe Seed ergibt dieselben Startgewichte, dieselbe Validierungsmenge und dasselbe Mischen.</translation>
    </message>
    <message>
        <source>EarlyStopping(patience=...): epochs without a better val_loss before training stops.</source>
        <translation>EarlyStopping(patience=...): Epochen ohne besseren val_loss, bevor das Training endet.</translation>
    </message>
    <message>
        <source>Scale every feature to mean 0 and deviation 1 on the training rows. The lecture&apos;s slides train on the raw features.</source>
        <translation>Jedes Merkmal auf den Trainingszeilen auf Mittelwert 0 und Standardabweichung 1 skalieren. Die Folien der Vorlesung trainieren mit den rohen Merkmalen.</translation>
    </message>
    <message>
        <source>EarlyStopping(restore_best_weights=True): at the end, the weights of the epoch with the best val_loss come back.</source>
        <translation>EarlyStopping(restore_best_weights=True): Am Ende kommen die Gewichte der Epoche mit dem besten val_loss zurück.</translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation>Merkmale standardisieren</translation>
    </message>
    <message>
        <source>Early stopping (monitor val_loss)</source>
        <translation>Early Stopping (überwacht val_loss)</translation>
    </message>
    <message>
        <source>keras.callbacks.EarlyStopping(monitor=&quot;val_loss&quot;): stops when the validation loss no longer improves. Needs a validation share.</source>
        <translation>keras.callbacks.EarlyStopping(monitor=&quot;val_loss&quot;): beendet das Training, wenn sich der loss auf der Validierungsmenge nicht mehr verbessert. Braucht einen Anteil der Validierungsmenge über 0 %.</translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation>Beste Gewichte wiederherstellen</translation>
    </message>
    <message>
        <source>Changed from the preset: {changes}.</source>
        <translation>Geändert gegenüber der Vorlage: {changes}.</translation>
    </message>
</context>
<context>
    <name>Inside</name>
    <message>
        <source>inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>+ {n} more</source>
        <translation>+ {n} weitere</translation>
    </message>
    <message>
        <source>Training row</source>
        <translation>Trainingszeile</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Click a neuron in the diagram.</source>
        <translation>Klicken Sie ein Neuron im Diagramm an.</translation>
    </message>
    <message>
        <source>Layer {layer} of {layers}, neuron {unit} ({activation})</source>
        <translation>Schicht {layer} von {layers}, Neuron {unit} ({activation})</translation>
    </message>
    <message>
        <source>The layers before this one are not element-wise ({activation}): z is not shown.</source>
        <translation>Die Schichten davor wirken nicht elementweise ({activation}): z wird nicht gezeigt.</translation>
    </message>
    <message>
        <source>Σ of {n} terms</source>
        <translation>Σ aus {n} Termen</translation>
    </message>
    <message>
        <source>{activation} depends on the whole layer: a(z) is not shown for one neuron.</source>
        <translation>{activation} hängt von der ganzen Schicht ab: a(z) wird für ein einzelnes Neuron nicht gezeigt.</translation>
    </message>
    <message>
        <source>slope a&apos;(z) = {slope}: the share of the gradient that passes this neuron</source>
        <translation>Steigung a&apos;(z) = {slope}: der Anteil des Gradienten, der durch dieses Neuron fließt</translation>
    </message>
    <message>
        <source>gradient norm ‖∂loss/∂W‖</source>
        <translation>Gradientennorm ‖∂loss/∂W‖</translation>
    </message>
    <message>
        <source>weights: spread (std), mean (dashed)</source>
        <translation>Gewichte: Streuung (std), Mittel (gestrichelt)</translation>
    </message>
    <message>
        <source>dead ReLU units (%)</source>
        <translation>tote ReLU-Neuronen (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Gradient, first ÷ last hidden layer: &lt;b&gt;{ratio}&lt;/b&gt; (epoch {epoch})</source>
        <translation>Gradient, erste ÷ letzte verdeckte Schicht: &lt;b&gt;{ratio}&lt;/b&gt; (Epoche {epoch})</translation>
    </message>
    <message>
        <source>the curves are recorded while this view is open during training</source>
        <translation>die Kurven entstehen, während diese Ansicht beim Training offen ist</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Gradients per layer</source>
        <translation>Gradienten je Schicht</translation>
    </message>
</context>
<context>
    <name>LectureTab</name>
    <message>
        <source>Stopping…</source>
        <translation>Training wird abgebrochen…</translation>
    </message>
    <message>
        <source>Wait for this tab&apos;s run to end.</source>
        <translation>Bitte warten, bis der Lauf dieses Tabs beendet ist.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation>Logarithmisch</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>epoch {epoch}: loss {loss}</source>
        <translation>Epoche {epoch}: loss {loss}</translation>
    </message>
    <message>
        <source>val_loss {val_loss}</source>
        <translation>val_loss {val_loss}</translation>
    </message>
    <message>
        <source>best val_loss {value} at epoch {epoch}</source>
        <translation>bester val_loss {value} in Epoche {epoch}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Code copied.</source>
        <translation>Code kopiert.</translation>
    </message>
    <message>
        <source>Keras Lecture Lab — dense networks, live</source>
        <translation>Keras Lecture Lab — Dense-Netze live</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>AND neuron</source>
        <translation>AND-Neuron</translation>
    </message>
    <message>
        <source>Gradient paths</source>
        <translation>Gradientenpfade</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>Aktivierungsfunktionen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Keras code</source>
        <translation>Keras-Code</translation>
    </message>
    <message>
        <source>Inside the net (Training tab)</source>
        <translation>Blick ins Netz (Tab „Training“)</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Ordner der Läufe</translation>
    </message>
    <message>
        <source>Nothing trains on this tab: the curves are keras.activations functions and their derivatives.</source>
        <translation>Auf diesem Tab wird nichts trainiert: die Kurven sind Funktionen aus keras.activations und ihre Ableitungen.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <source>Save plot</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Plot saved to {path}.</source>
        <translation>Diagramm gespeichert: {path}.</translation>
    </message>
    <message>
        <source>This tab shows no plot.</source>
        <translation>Dieser Tab zeigt kein Diagramm.</translation>
    </message>
    <message>
        <source>Export plots into</source>
        <translation>Diagramme exportieren nach</translation>
    </message>
    <message>
        <source>Replace {names}?</source>
        <translation>{names} ersetzen?</translation>
    </message>
    <message>
        <source>{n} files written to {folder}: {names}.</source>
        <translation>{n} Dateien nach {folder} geschrieben: {names}.</translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>Skript exportieren</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python-Skript (*.py)</translation>
    </message>
    <message>
        <source>Script written to {path}.</source>
        <translation>Skript geschrieben: {path}.</translation>
    </message>
    <message>
        <source>The data it reads lie beside it: {name}.</source>
        <translation>Die Daten, die es liest, liegen daneben: {name}.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keras Lecture Lab&lt;/h3&gt;&lt;p&gt;The lecture on dense networks in Keras, in one window. Everything trains for real with Keras 3 in the background while the plots follow every epoch.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Activation functions&lt;/b&gt; tab: sigmoid, tanh and ReLU with their derivatives, and two ReLUs side by side (Nebeneinanderausführung) or in series (Hintereinanderausführung).&lt;/li&gt;&lt;li&gt;&lt;b&gt;AND neuron&lt;/b&gt; tab: one neuron learns AND, sigmoid against ReLU, updated after every sample, with its four predictions after each epoch.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Gradient paths&lt;/b&gt; tab: full-batch, mini-batch and per-sample gradient descent, 1, 3 and 9 updates per epoch, as paths on the loss surface.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Training&lt;/b&gt; tab: a Sequential net of Dense layers on the Boston Housing data, judged by the mean, max and min absolute test error; Stop (Training abbrechen) and Resume (weiter trainieren) in the Training menu; Save and Load, as .h5 models or weights, in the File menu; a validation share with early stopping on val_loss.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Keys: Ctrl+Return starts, Esc stops, Ctrl+R resumes, Ctrl+S saves, Ctrl+O loads, Ctrl++ and Ctrl+- change the text size.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keras Lecture Lab&lt;/h3&gt;&lt;p&gt;Die Vorlesung über Dense-Netze in Keras, in einem Fenster. Alles wird im Hintergrund wirklich mit Keras 3 trainiert, und die Diagramme folgen jeder Epoche.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Tab &lt;b&gt;Aktivierungsfunktionen&lt;/b&gt;: sigmoid, tanh und ReLU mit ihren Ableitungen, und zwei ReLUs in Nebeneinander- oder Hintereinanderausführung.&lt;/li&gt;&lt;li&gt;Tab &lt;b&gt;AND-Neuron&lt;/b&gt;: Ein Neuron lernt AND, sigmoid gegen ReLU, mit einem Update nach jedem Beispiel und seinen vier Vorhersagen nach jeder Epoche.&lt;/li&gt;&lt;li&gt;Tab &lt;b&gt;Gradientenpfade&lt;/b&gt;: Gradientenabstieg mit dem ganzen Batch, mit Mini-Batches und Beispiel für Beispiel, 1, 3 und 9 Updates je Epoche, als Pfade auf der Verlustfläche.&lt;/li&gt;&lt;li&gt;Tab &lt;b&gt;Training&lt;/b&gt;: ein Sequential-Netz aus Dense-Schichten auf den Daten von Boston Housing, beurteilt nach dem mittleren, größten und kleinsten absoluten Testfehler; „Training abbrechen“ und „Weiter trainieren“ im Menü „Training“; Speichern und Laden, als .h5-Modell oder Gewichte, im Menü „Datei“; eine Validierungsmenge mit Early Stopping nach val_loss.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Tastenkürzel: Strg+Return startet, Esc bricht ab, Strg+R trainiert weiter, Strg+S speichert, Strg+O lädt, Strg++ und Strg+- ändern die Schriftgröße.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About this lecture lab</source>
        <translation>Über Keras Lecture Lab</translation>
    </message>
    <message>
        <source>The model has trained since it was last saved. Save it before quitting?</source>
        <translation>Das Modell wurde seit dem letzten Speichern weiter trainiert. Vor dem Beenden speichern?</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>--data needs --target COLUMN.</source>
        <translation>--data braucht --target SPALTE.</translation>
    </message>
    <message>
        <source>--target, --task and --features go with --data FILE.csv.</source>
        <translation>--target, --task und --features gehören zu --data DATEI.csv.</translation>
    </message>
    <message>
        <source>The folder for {path} does not exist.</source>
        <translation>Der Ordner für {path} existiert nicht.</translation>
    </message>
    <message>
        <source>The paths preset trains three fresh models; --load and --save do not apply to it.</source>
        <translation>Die Vorlage „paths“ trainiert drei neue Modelle; --load und --save gelten für sie nicht.</translation>
    </message>
    <message>
        <source>No permission to write in {folder}; {name} was not changed.</source>
        <translation>Keine Schreibrechte in {folder}; {name} wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The disk is full; {name} was not changed.</source>
        <translation>Der Datenträger ist voll; {name} wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>{name} konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>The model has already trained {epochs} epochs; ask for more than that.</source>
        <translation>Das Modell ist schon {epochs} Epochen trainiert; mehr Epochen als das angeben.</translation>
    </message>
    <message>
        <source>Layer {name} is a {kind}; this app trains networks of Dense layers only.</source>
        <translation>Die Schicht {name} ist vom Typ {kind}; dieses Programm trainiert nur Netze aus Dense-Schichten.</translation>
    </message>
    <message>
        <source>The network needs at least one layer.</source>
        <translation>Das Netz braucht mindestens eine Schicht.</translation>
    </message>
    <message>
        <source>The network may have at most {high} layers.</source>
        <translation>Das Netz darf höchstens {high} Schichten haben.</translation>
    </message>
    <message>
        <source>Layer {number}: units must be between {low} and {high}.</source>
        <translation>Schicht {number}: Die Zahl der Neuronen muss zwischen {low} und {high} liegen.</translation>
    </message>
    <message>
        <source>Layer {number}: unknown activation {activation}.</source>
        <translation>Schicht {number}: unbekannte Aktivierungsfunktion {activation}.</translation>
    </message>
    <message>
        <source>The last layer must have 1 unit: it predicts one number.</source>
        <translation>Die letzte Schicht muss 1 Neuron haben: Sie sagt eine Zahl vorher.</translation>
    </message>
    <message>
        <source>Unknown data set {name}.</source>
        <translation>Unbekannter Datensatz {name}.</translation>
    </message>
    <message>
        <source>Unknown task {name}.</source>
        <translation>Unbekannte Aufgabe {name}.</translation>
    </message>
    <message>
        <source>A CSV data set needs its file and its target column.</source>
        <translation>Ein CSV-Datensatz braucht seine Datei und seine Zielspalte.</translation>
    </message>
    <message>
        <source>Unknown loss {name}.</source>
        <translation>Unbekannte Verlustfunktion {name}.</translation>
    </message>
    <message>
        <source>The noise must be between 0 and 1.</source>
        <translation>Das Rauschen muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>The test share must be between 0 % and 100 %.</source>
        <translation>Der Testanteil muss zwischen 0 % und 100 % liegen.</translation>
    </message>
    <message>
        <source>Unknown optimizer {name}.</source>
        <translation>Unbekannter Optimierer {name}.</translation>
    </message>
    <message>
        <source>The learning rate must be between {low} and {high}.</source>
        <translation>Die Lernrate muss zwischen {low} und {high} liegen.</translation>
    </message>
    <message>
        <source>Epochs must be between 1 and {high}.</source>
        <translation>Die Zahl der Epochen muss zwischen 1 und {high} liegen.</translation>
    </message>
    <message>
        <source>The batch size must be between 1 and {high}.</source>
        <translation>Die Batchgröße muss zwischen 1 und {high} liegen.</translation>
    </message>
    <message>
        <source>The validation share must be between 0 % and {high} %.</source>
        <translation>Der Anteil der Validierungsmenge muss zwischen 0 % und {high} % liegen.</translation>
    </message>
    <message>
        <source>Early stopping watches val_loss: set a validation share above 0 %.</source>
        <translation>Early Stopping überwacht val_loss: einen Anteil der Validierungsmenge über 0 % einstellen.</translation>
    </message>
    <message>
        <source>Patience must be 0 or more.</source>
        <translation>Die Geduld (Patience) muss 0 oder mehr sein.</translation>
    </message>
    <message>
        <source>{loss} is a loss for classes, but this data set asks for numbers (regression): use mse or mae.</source>
        <translation>{loss} ist eine Verlustfunktion für Klassen, dieser Datensatz verlangt aber Zahlen (Regression): nehmen Sie mse oder mae.</translation>
    </message>
    <message>
        <source>This data set asks for classes: use binary_crossentropy (2 classes) or sparse_categorical_crossentropy (more), not {loss}.</source>
        <translation>Dieser Datensatz verlangt Klassen: nehmen Sie binary_crossentropy (2 Klassen) oder sparse_categorical_crossentropy (mehr), nicht {loss}.</translation>
    </message>
    <message>
        <source>Two classes with binary cross-entropy: the last layer must be 1 sigmoid unit, the probability of class 1 (it is {units} {activation}).</source>
        <translation>Zwei Klassen mit binärer Kreuzentropie: Die letzte Schicht muss 1 Sigmoid-Neuron sein, die Wahrscheinlichkeit von Klasse 1 (sie ist {units} {activation}).</translation>
    </message>
    <message>
        <source>Binary cross-entropy is for 2 classes; this data set has {n}: use sparse_categorical_crossentropy with {n} softmax units.</source>
        <translation>Binäre Kreuzentropie ist für 2 Klassen; dieser Datensatz hat {n}: nehmen Sie sparse_categorical_crossentropy mit {n} Softmax-Neuronen.</translation>
    </message>
    <message>
        <source>{n} classes with sparse categorical cross-entropy: the last layer must be {n} softmax units, one probability per class (it is {units} {activation}).</source>
        <translation>{n} Klassen mit kategorialer Kreuzentropie: Die letzte Schicht muss {n} Softmax-Neuronen haben, eine Wahrscheinlichkeit je Klasse (sie ist {units} {activation}).</translation>
    </message>
    <message>
        <source>Unknown preset {name}; choose one of: {names}.</source>
        <translation>Unbekannte Vorlage {name}; zur Wahl stehen: {names}.</translation>
    </message>
    <message>
        <source>The loss surface needs one neuron with two weights and no bias.</source>
        <translation>Die Verlustfläche braucht ein Neuron mit zwei Gewichten und ohne Bias.</translation>
    </message>
    <message>
        <source>The loss surface knows the activations {names}.</source>
        <translation>Die Verlustfläche kennt nur die Aktivierungsfunktionen {names}.</translation>
    </message>
    <message>
        <source>The gradient paths need a start point (w1, w2).</source>
        <translation>Die Gradientenpfade brauchen einen Startpunkt (w1, w2).</translation>
    </message>
    <message>
        <source>{name} could not be loaded: {reason}</source>
        <translation>{name} konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <source>{name} expects {inputs} inputs per sample, but none of this app&apos;s data sets has that many (Boston has 13, AND and the gradient paths 2).</source>
        <translation>{name} erwartet {inputs} Eingaben je Beispiel, aber keiner der Datensätze dieses Programms hat so viele (Boston hat 13, AND und die Gradientenpfade 2).</translation>
    </message>
    <message>
        <source>{name} holds weights only, not a model: use Load weights.</source>
        <translation>{name} enthält nur Gewichte, kein Modell: „Gewichte laden“ verwenden.</translation>
    </message>
    <message>
        <source>{name} holds no Keras model.</source>
        <translation>{name} enthält kein Keras-Modell.</translation>
    </message>
    <message>
        <source>{name} could not be loaded as a Keras model: {reason}</source>
        <translation>{name} konnte nicht als Keras-Modell geladen werden: {reason}</translation>
    </message>
    <message>
        <source>{name} predicts {units} numbers per sample; this data set needs 1.</source>
        <translation>{name} sagt {units} Zahlen je Beispiel vorher; dieser Datensatz braucht 1.</translation>
    </message>
    <message>
        <source>{name} has weights that are not finite numbers (NaN or infinite).</source>
        <translation>{name} enthält Gewichte, die keine endlichen Zahlen sind (NaN oder unendlich).</translation>
    </message>
    <message>
        <source>The file&apos;s optimizer {saved} is not one this app trains with; training continues with {used}.</source>
        <translation>Mit dem Optimierer {saved} aus der Datei trainiert dieses Programm nicht; das Training geht mit {used} weiter.</translation>
    </message>
    <message>
        <source>The file&apos;s {optimizer} settings were not usable; its defaults are used.</source>
        <translation>Die Einstellungen für {optimizer} in der Datei waren nicht verwendbar; es gelten die Standardwerte.</translation>
    </message>
    <message>
        <source>The optimizer&apos;s saved state did not fit this model; the optimizer was rebuilt from its saved settings.</source>
        <translation>Der gespeicherte Zustand des Optimierers passte nicht zu diesem Modell; der Optimierer wurde aus seinen gespeicherten Einstellungen neu aufgebaut.</translation>
    </message>
    <message>
        <source>The file&apos;s training history was not readable; the epoch count starts at 0.</source>
        <translation>Der Trainingsverlauf in der Datei war nicht lesbar; die Zählung der Epochen beginnt bei 0.</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{name} could not be read as weights: {reason}</source>
        <translation>{name} konnte nicht als Gewichte gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{name}: no such file.</source>
        <translation>{name}: Datei nicht gefunden.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} ist leer.</translation>
    </message>
    <message>
        <source>the zip archive is cut short: its directory is missing</source>
        <translation>das Zip-Archiv ist abgeschnitten: sein Verzeichnis fehlt</translation>
    </message>
    <message>
        <source>{name} is not a Keras zip (.keras) file.</source>
        <translation>{name} ist keine Keras-Zip-Datei (.keras).</translation>
    </message>
    <message>
        <source>{name} holds a file named {member}, which points outside the archive; it is refused.</source>
        <translation>{name} enthält eine Datei namens {member}, die aus dem Archiv hinauszeigt; die Datei wird abgelehnt.</translation>
    </message>
    <message>
        <source>{name} would unpack to {size} MB, more than the {limit} MB a network of this app can take (a zip bomb?).</source>
        <translation>{name} würde entpackt {size} MB groß, mehr als die {limit} MB, die ein Netz dieser App haben kann (eine Zip-Bombe?).</translation>
    </message>
    <message>
        <source>{name} has no config.json: it is no Keras model file.</source>
        <translation>{name} hat keine config.json: es ist keine Keras-Modelldatei.</translation>
    </message>
    <message>
        <source>{name}: its config.json is not readable JSON ({reason}).</source>
        <translation>{name}: die config.json darin ist kein lesbares JSON ({reason}).</translation>
    </message>
    <message>
        <source>{name}: the class {kind} is not one of Keras&apos;s own; this app loads Keras&apos;s own classes only.</source>
        <translation>{name}: die Klasse {kind} gehört nicht zu Keras; diese App lädt nur die Klassen von Keras selbst.</translation>
    </message>
    <message>
        <source>its model.weights.h5 is not an HDF5 file</source>
        <translation>die model.weights.h5 darin ist keine HDF5-Datei</translation>
    </message>
    <message>
        <source>{name} is not an HDF5 (.h5) file.</source>
        <translation>{name} ist keine HDF5-Datei (.h5).</translation>
    </message>
    <message>
        <source>{name} is damaged: reading it does not finish.</source>
        <translation>{name} ist beschädigt: Das Lesen der Datei endet nicht.</translation>
    </message>
    <message>
        <source>a dataset claims more data than the file holds</source>
        <translation>ein HDF5-Dataset gibt mehr Daten an, als die Datei enthält</translation>
    </message>
    <message>
        <source>the reader crashed ({status})</source>
        <translation>der Leseprozess ist abgestürzt ({status})</translation>
    </message>
    <message>
        <source>{name} holds data that is not a network&apos;s weights ({dataset}).</source>
        <translation>{name} enthält Daten, die keine Gewichte eines Netzes sind ({dataset}).</translation>
    </message>
    <message>
        <source>{name} is larger than any network this app trains.</source>
        <translation>{name} ist größer als jedes Netz, das dieses Programm trainiert.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({reason}).</source>
        <translation>{name} ist beschädigt und nicht lesbar ({reason}).</translation>
    </message>
    <message>
        <source>{name} holds no readable model description.</source>
        <translation>{name} enthält keine lesbare Modellbeschreibung.</translation>
    </message>
    <message>
        <source>{name} holds a {kind}, not a network of layers.</source>
        <translation>{name} enthält ein Objekt vom Typ {kind}, kein Netz aus Schichten.</translation>
    </message>
    <message>
        <source>{name} holds no readable list of layers.</source>
        <translation>{name} enthält keine lesbare Liste der Schichten.</translation>
    </message>
    <message>
        <source>{name}: layer {number} is not readable.</source>
        <translation>{name}: Schicht {number} ist nicht lesbar.</translation>
    </message>
    <message>
        <source>layer {number} ({name})</source>
        <translation>Schicht {number} ({name})</translation>
    </message>
    <message>
        <source>{name}: {layer} is a {kind} layer, which runs code stored in the file; this app loads networks of Dense layers only.</source>
        <translation>{name}: {layer} ist vom Typ {kind} und führt in der Datei gespeicherten Code aus; dieses Programm lädt nur Netze aus Dense-Schichten.</translation>
    </message>
    <message>
        <source>{name}: {layer} is a {kind} layer; this app loads networks of Dense layers only.</source>
        <translation>{name}: {layer} ist vom Typ {kind}; dieses Programm lädt nur Netze aus Dense-Schichten.</translation>
    </message>
    <message>
        <source>{name}: {layer} has {units} units; this app allows 1 to {high}.</source>
        <translation>{name}: {layer} hat {units} Neuronen; dieses Programm erlaubt 1 bis {high}.</translation>
    </message>
    <message>
        <source>{name}: {layer} has a custom activation; this app knows Keras&apos;s own only.</source>
        <translation>{name}: {layer} hat eine benutzerdefinierte Aktivierungsfunktion; dieses Programm kennt nur die von Keras.</translation>
    </message>
    <message>
        <source>{name}: {layer} takes inputs of shape {shape}, not rows of numbers.</source>
        <translation>{name}: {layer} erwartet Eingaben der Form {shape}, keine Zeilen aus Zahlen.</translation>
    </message>
    <message>
        <source>There is no model to save: building it failed.</source>
        <translation>Es gibt kein Modell zum Speichern; sein Aufbau ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The run {name} has no model to open.</source>
        <translation>Der Lauf {name} hat kein Modell zum Öffnen.</translation>
    </message>
    <message>
        <source>{name} holds no weights of a Keras network.</source>
        <translation>{name} enthält keine Gewichte eines Keras-Netzes.</translation>
    </message>
    <message>
        <source>The weights in {name} do not fit this network: layer {number} ({layer}) has none in the file, which holds {layers} layers.</source>
        <translation>Die Gewichte in {name} passen nicht zu diesem Netz: Die Datei enthält {layers} Schichten, keine für Schicht {number} ({layer}).</translation>
    </message>
    <message>
        <source>The weights in {name} do not fit this network: layer {number} ({layer}) needs {needed}, the file has {found}.</source>
        <translation>Die Gewichte in {name} passen nicht zu diesem Netz: Schicht {number} ({layer}) braucht {needed}, die Datei hat {found}.</translation>
    </message>
    <message>
        <source>The weights in {name} do not fit this network: the file holds {layers} layers, this network {own}.</source>
        <translation>Die Gewichte in {name} passen nicht zu diesem Netz: Die Datei enthält {layers} Schichten, dieses Netz {own}.</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>einen Skalar</translation>
    </message>
    <message>
        <source>no weights</source>
        <translation>keine Gewichte</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>No new run folder could be made in {root}.</source>
        <translation>In {root} konnte kein neuer Ordner für einen Lauf angelegt werden.</translation>
    </message>
    <message>
        <source>{folder} is not a run of this folder.</source>
        <translation>{folder} ist kein Lauf dieses Ordners.</translation>
    </message>
    <message>
        <source>TensorBoard events not written: {error}</source>
        <translation>TensorBoard-Ereignisse nicht geschrieben: {error}</translation>
    </message>
    <message>
        <source>{first} and {more} more</source>
        <translation>{first} und {more} weitere</translation>
    </message>
    <message>
        <source>{name} has no column &apos;{column}&apos;; its columns are {columns}.</source>
        <translation>{name} hat keine Spalte &apos;{column}&apos;; seine Spalten sind {columns}.</translation>
    </message>
    <message>
        <source>{name}: column &apos;{column}&apos; holds &apos;{value}&apos; in line {line}, which is not a number.</source>
        <translation>{name}: Spalte &apos;{column}&apos; enthält in Zeile {line} &apos;{value}&apos;, das ist keine Zahl.</translation>
    </message>
    <message>
        <source>{name}: missing value in column &apos;{column}&apos;, line {line}.</source>
        <translation>{name}: fehlender Wert in Spalte &apos;{column}&apos;, Zeile {line}.</translation>
    </message>
    <message>
        <source>{name} is not a text (CSV) file.</source>
        <translation>{name} ist keine Textdatei (CSV).</translation>
    </message>
    <message>
        <source>{name}, line {line}: the fields are separated by {found} here, but by {expected} in line {first}.</source>
        <translation>{name}, Zeile {line}: Hier ist das Trennzeichen {found}, in Zeile {first} aber {expected}.</translation>
    </message>
    <message>
        <source>{name}, line {line}: {count} fields, but line {first} has {expected}.</source>
        <translation>{name}, Zeile {line}: {count} Felder, aber Zeile {first} hat {expected}.</translation>
    </message>
    <message>
        <source>{name}, line {line}: {reason}</source>
        <translation>{name}, Zeile {line}: {reason}</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{name} is {size} MB; this app reads CSV files of up to {limit} MB.</source>
        <translation>{name} ist {size} MB groß; diese App liest CSV-Dateien bis {limit} MB.</translation>
    </message>
    <message>
        <source>{name} holds a header only, no data rows.</source>
        <translation>{name} enthält nur eine Kopfzeile, keine Datenzeilen.</translation>
    </message>
    <message>
        <source>The test share must be more than 0 and less than 1, not {share}.</source>
        <translation>Der Testanteil muss größer als 0 und kleiner als 1 sein, nicht {share}.</translation>
    </message>
    <message>
        <source>{name}: the target column &apos;{column}&apos; cannot be a feature too.</source>
        <translation>{name}: Die Zielspalte &apos;{column}&apos; kann nicht zugleich ein Merkmal sein.</translation>
    </message>
    <message>
        <source>{name}: no numeric column is left for the features besides the target &apos;{column}&apos;.</source>
        <translation>{name}: Außer der Zielspalte &apos;{column}&apos; bleibt keine numerische Spalte für die Merkmale übrig.</translation>
    </message>
    <message>
        <source>{name}: the target column &apos;{column}&apos; is not numeric (&apos;{value}&apos; in line {line}); classification can learn classes named by words.</source>
        <translation>{name}: Die Zielspalte &apos;{column}&apos; ist nicht numerisch (&apos;{value}&apos; in Zeile {line}); eine Klassifikation kann Klassen lernen, die durch Wörter benannt sind.</translation>
    </message>
    <message>
        <source>{name}: the target column &apos;{column}&apos; holds one class only (&apos;{label}&apos;); classification needs at least two.</source>
        <translation>{name}: Die Zielspalte &apos;{column}&apos; enthält nur eine Klasse (&apos;{label}&apos;); eine Klassifikation braucht mindestens zwei.</translation>
    </message>
    <message>
        <source>{name}: the target column &apos;{column}&apos; holds {count} different values, more than the {limit} classes this app allows.</source>
        <translation>{name}: Die Zielspalte &apos;{column}&apos; enthält {count} verschiedene Werte, mehr als die {limit} Klassen, die diese App zulässt.</translation>
    </message>
    <message>
        <source>{name}: class &apos;{label}&apos; of column &apos;{column}&apos; has a single row (line {line}); every class needs at least 2, one for training and one for testing.</source>
        <translation>{name}: Die Klasse &apos;{label}&apos; der Spalte &apos;{column}&apos; hat nur eine Zeile (Zeile {line}); jede Klasse braucht mindestens 2, eine zum Trainieren und eine zum Testen.</translation>
    </message>
    <message>
        <source>{name} has {rows} data rows; the split needs at least 4, 2 for training and 2 for testing.</source>
        <translation>{name} hat {rows} Datenzeilen; die Aufteilung braucht mindestens 4, 2 zum Trainieren und 2 zum Testen.</translation>
    </message>
</context>
<context>
    <name>PathView</name>
    <message>
        <source>loss (MSE)</source>
        <translation>loss (MSE)</translation>
    </message>
    <message>
        <source>batch size {size}: 1 update per epoch</source>
        <translation>Batchgröße {size}: 1 Update je Epoche</translation>
    </message>
    <message>
        <source>batch size {size}: {n} updates per epoch</source>
        <translation>Batchgröße {size}: {n} Updates je Epoche</translation>
    </message>
    <message>
        <source>Train all three</source>
        <translation>Alle drei trainieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>One update</source>
        <translation>Ein Update</translation>
    </message>
    <message>
        <source>One update of each path from where it stands: batch size 9 a whole epoch, 3 a third of one, 1 a single sample. Another start or learning rate starts anew.</source>
        <translation>Ein Update jedes Pfads, von dort aus, wo er steht: Batchgröße 9 eine ganze Epoche, 3 ein Drittel davon, 1 ein einzelnes Beispiel. Ein anderer Startpunkt oder eine andere Lernrate beginnt neu.</translation>
    </message>
    <message>
        <source>Click on the surface to pick the start point. After zooming, a double click shows the whole surface again; a right click opens the plot&apos;s menu.</source>
        <translation>Ein Klick auf die Verlustfläche wählt den Startpunkt. Nach dem Zoomen zeigt ein Doppelklick wieder die ganze Fläche; ein Rechtsklick öffnet das Menü des Diagramms.</translation>
    </message>
    <message>
        <source>start w₁</source>
        <translation>Startgewicht w₁</translation>
    </message>
    <message>
        <source>start w₂</source>
        <translation>Startgewicht w₂</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>One neuron, two weights, no bias; MSE; SGD</source>
        <translation>Ein Neuron, zwei Gewichte, ohne Bias; MSE; SGD</translation>
    </message>
    <message>
        <source>batch size {size}: 1 update</source>
        <translation>Batchgröße {size}: 1 Update</translation>
    </message>
    <message>
        <source>batch size {size}: {n} updates</source>
        <translation>Batchgröße {size}: {n} Updates</translation>
    </message>
</context>
<context>
    <name>PathsTab</name>
    <message>
        <source>Gradient paths</source>
        <translation>Gradientenpfade</translation>
    </message>
    <message>
        <source>Training from one start with batch sizes 9, 3 and 1…</source>
        <translation>Training vom selben Startpunkt mit den Batchgrößen 9, 3 und 1…</translation>
    </message>
    <message>
        <source>batch size {size}: {n} updates</source>
        <translation>Batchgröße {size}: {n} Updates</translation>
    </message>
    <message>
        <source>batch size {size}: {n} updates, loss {loss}</source>
        <translation>Batchgröße {size}: {n} Updates, loss {loss}</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Save as PNG (2×)…</source>
        <translation>Als PNG speichern (2×)…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern…</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>Residuen</translation>
    </message>
    <message>
        <source>true − predicted against predicted: a good fit scatters evenly around 0</source>
        <translation>wahr − vorhergesagt gegen vorhergesagt: Ein gutes Modell streut gleichmäßig um 0</translation>
    </message>
    <message>
        <source>residual (true − predicted)</source>
        <translation>Residuum (wahr − vorhergesagt)</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>Epoche {epoch}</translation>
    </message>
    <message>
        <source>epoch {epoch} of {last}</source>
        <translation>Epoche {epoch} von {last}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{total} in {n} segments ({parts} s)</source>
        <translation>{total} in {n} Abschnitten ({parts} s)</translation>
    </message>
    <message>
        <source>Absolute test error ({unit})</source>
        <translation>Absoluter Testfehler ({unit})</translation>
    </message>
    <message>
        <source>Absolute test error</source>
        <translation>Absoluter Testfehler</translation>
    </message>
    <message>
        <source>mean {value}</source>
        <translation>Mittelwert {value}</translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation>max {value}</translation>
    </message>
    <message>
        <source>min {value}</source>
        <translation>min {value}</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <source>{n} test rows</source>
        <translation>{n} Testzeilen</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}: the loss is no longer a finite number. The last finite weights are kept.</source>
        <translation>In Epoche {epoch} abgebrochen: Der loss ist keine endliche Zahl mehr. Die letzten endlichen Gewichte bleiben erhalten.</translation>
    </message>
    <message>
        <source>Stopped after epoch {epoch}. Resume trains the same model further.</source>
        <translation>Nach Epoche {epoch} abgebrochen. „Weiter trainieren“ trainiert dasselbe Modell weiter.</translation>
    </message>
    <message>
        <source>Early stopping after epoch {epoch}: val_loss did not improve.</source>
        <translation>Early Stopping nach Epoche {epoch}: val_loss hat sich nicht verbessert.</translation>
    </message>
    <message>
        <source>Trained to epoch {epoch}.</source>
        <translation>Bis Epoche {epoch} trainiert.</translation>
    </message>
    <message>
        <source>Run time {time}.</source>
        <translation>Laufzeit {time}.</translation>
    </message>
    <message>
        <source>Best weights (epoch {epoch}) restored.</source>
        <translation>Beste Gewichte (Epoche {epoch}) wiederhergestellt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss became NaN or infinite at epoch {epoch}.&lt;/b&gt; The steps were too large: the learning rate {rate} makes the weights overshoot and grow without bound. Lower the learning rate (try {lower}) and press Start. The model keeps the last finite weights.</source>
        <translation>&lt;b&gt;Der loss wurde in Epoche {epoch} NaN oder unendlich.&lt;/b&gt; Die Schritte waren zu groß: Mit der Lernrate {rate} schießen die Gewichte über das Ziel hinaus und wachsen ohne Grenze. Lernrate senken (etwa auf {lower}) und Start drücken. Das Modell behält die letzten endlichen Gewichte.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Boston</source>
        <translation>Boston</translation>
    </message>
    <message>
        <source>The lecture&apos;s net on Boston Housing: 80 tanh, 50 tanh, 1 linear; MSE; adam; 1000 epochs; the raw features, as on the slides.</source>
        <translation>Das Netz der Vorlesung für Boston Housing: 80 tanh, 50 tanh, 1 linear; MSE; adam; 1000 Epochen; die rohen Merkmale, wie auf den Folien.</translation>
    </message>
    <message>
        <source>Boston with early stopping</source>
        <translation>Boston mit Early Stopping</translation>
    </message>
    <message>
        <source>20 % of the training rows held out; training stops when val_loss has not improved for 150 epochs, and the best weights come back.</source>
        <translation>20 % der Trainingszeilen zurückbehalten; das Training endet, wenn sich val_loss 150 Epochen lang nicht verbessert hat, und die besten Gewichte kommen zurück.</translation>
    </message>
    <message>
        <source>AND with one ReLU neuron</source>
        <translation>AND mit einem ReLU-Neuron</translation>
    </message>
    <message>
        <source>The truth table of AND learned by one ReLU neuron with SGD, one update per sample, as on the slides.</source>
        <translation>Die Wahrheitstabelle von AND, gelernt von einem ReLU-Neuron mit SGD, ein Update je Beispiel, wie auf den Folien.</translation>
    </message>
    <message>
        <source>AND with one sigmoid neuron</source>
        <translation>AND mit einem Sigmoid-Neuron</translation>
    </message>
    <message>
        <source>The truth table of AND learned by one sigmoid neuron with SGD, one update per sample, as on the slides.</source>
        <translation>Die Wahrheitstabelle von AND, gelernt von einem Sigmoid-Neuron mit SGD, ein Update je Beispiel, wie auf den Folien.</translation>
    </message>
    <message>
        <source>Gradient paths: 1, 3 and 9 updates per epoch</source>
        <translation>Gradientenpfade: 1, 3 und 9 Updates je Epoche</translation>
    </message>
    <message>
        <source>A neuron with two weights and no bias on 9 samples, trained from one start point with batch sizes 9, 3 and 1; every update is drawn on the loss surface.</source>
        <translation>Ein Neuron mit zwei Gewichten und ohne Bias auf 9 Beispielen, vom selben Startpunkt aus mit den Batchgrößen 9, 3 und 1 trainiert; jedes Update ist auf der Verlustfläche eingezeichnet.</translation>
    </message>
    <message>
        <source>Vanishing gradients: 6 sigmoid layers</source>
        <translation>Verschwindende Gradienten: 6 Sigmoid-Schichten</translation>
    </message>
    <message>
        <source>Boston, standardised; 6 hidden layers of 10 sigmoid units, 1 linear. The gradient reaching the first layer is thousands of times smaller than at the last (the headless report&apos;s gradient_norms).</source>
        <translation>Boston, standardisiert; 6 verdeckte Schichten mit je 10 Sigmoid-Neuronen, 1 lineares. Der Gradient, der die erste Schicht erreicht, ist mehrere tausend Mal kleiner als an der letzten (gradient_norms im Bericht ohne Fenster).</translation>
    </message>
    <message>
        <source>Vanishing gradients: 6 ReLU layers</source>
        <translation>Verschwindende Gradienten: 6 ReLU-Schichten</translation>
    </message>
    <message>
        <source>The same net and seed with ReLU: at the first layer the gradient is still about half as strong as at the last.</source>
        <translation>Dasselbe Netz mit demselben Seed, mit ReLU: An der ersten Schicht ist der Gradient noch etwa halb so stark wie an der letzten.</translation>
    </message>
    <message>
        <source>XOR with one neuron</source>
        <translation>XOR mit einem Neuron</translation>
    </message>
    <message>
        <source>One sigmoid neuron, as in the AND lecture, on XOR: a straight line cannot part the classes, and it stays near 50 % accuracy.</source>
        <translation>Ein Sigmoid-Neuron wie in der AND-Vorlesung, auf XOR: Eine Gerade kann die Klassen nicht trennen, die Genauigkeit bleibt bei etwa 50 %.</translation>
    </message>
    <message>
        <source>XOR with a hidden layer</source>
        <translation>XOR mit einer verdeckten Schicht</translation>
    </message>
    <message>
        <source>4 tanh hidden units and one sigmoid output: the hidden layer bends the boundary, and XOR is learned to 100 %.</source>
        <translation>4 verdeckte tanh-Neuronen und eine Sigmoid-Ausgabe: Die verdeckte Schicht biegt die Grenze, und XOR wird zu 100 % gelernt.</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Kreise</translation>
    </message>
    <message>
        <source>A disc inside a ring: two classes no straight line parts.</source>
        <translation>Eine Scheibe in einem Ring: zwei Klassen, die keine Gerade trennt.</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>Zwei Monde</translation>
    </message>
    <message>
        <source>Two interleaving half circles.</source>
        <translation>Zwei ineinandergreifende Halbkreise.</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>Gaußsche Wolken</translation>
    </message>
    <message>
        <source>Two Gaussian clusters: a straight line would do.</source>
        <translation>Zwei Gaußsche Punktwolken: Eine Gerade genügt.</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>Zwei Spiralen</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms: the hardest of the 2-D problems; it needs depth and epochs.</source>
        <translation>Zwei verschlungene Spiralarme: das schwerste der 2-D-Probleme; es braucht Tiefe und Epochen.</translation>
    </message>
    <message>
        <source>Iris: three species</source>
        <translation>Iris: drei Arten</translation>
    </message>
    <message>
        <source>Fisher&apos;s Iris data (150 flowers, 4 measurements, standardised): 3 softmax units, sparse categorical cross-entropy.</source>
        <translation>Fishers Iris-Daten (150 Blüten, 4 Maße, standardisiert): 3 Softmax-Neuronen, kategoriale Kreuzentropie (sparse).</translation>
    </message>
</context>
<context>
    <name>RunList</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>early-stopped</source>
        <translation>früh gestoppt</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Make the chosen run the Training tab&apos;s model, to look at it or train it further</source>
        <translation>Den gewählten Lauf zum Modell des Training-Tabs machen, um ihn anzusehen oder weiter zu trainieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the chosen runs&apos; folders, after asking</source>
        <translation>Die Ordner der gewählten Läufe löschen, nach Rückfrage</translation>
    </message>
    <message>
        <source>Tick runs to overlay their loss (solid) and val_loss (dashed); double-click a name to rename it</source>
        <translation>Läufe ankreuzen, um ihren loss (durchgezogen) und val_loss (gestrichelt) übereinander zu zeigen; Doppelklick auf einen Namen benennt ihn um</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Was sich unterscheidet</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Test MAE</source>
        <translation>Test-MAE</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>first run</source>
        <translation>erster Lauf</translation>
    </message>
    <message>
        <source>the same settings</source>
        <translation>dieselben Einstellungen</translation>
    </message>
    <message>
        <source>no run.json in this folder</source>
        <translation>kein run.json in diesem Ordner</translation>
    </message>
    <message>
        <source>run.json is not readable</source>
        <translation>run.json ist nicht lesbar</translation>
    </message>
    <message>
        <source>written by a newer version of the app</source>
        <translation>von einer neueren Version des Programms geschrieben</translation>
    </message>
    <message>
        <source>run.json was edited or damaged</source>
        <translation>run.json wurde bearbeitet oder ist beschädigt</translation>
    </message>
    <message>
        <source>the model file is missing</source>
        <translation>die Modelldatei fehlt</translation>
    </message>
    <message>
        <source>no model was saved</source>
        <translation>es wurde kein Modell gespeichert</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>without bias</source>
        <translation>ohne Bias</translation>
    </message>
    <message>
        <source>layers {layers}</source>
        <translation>Schichten {layers}</translation>
    </message>
    <message>
        <source>learning rate {value}</source>
        <translation>Lernrate {value}</translation>
    </message>
    <message>
        <source>{value} epochs</source>
        <translation>{value} Epochen</translation>
    </message>
    <message>
        <source>batch size {value}</source>
        <translation>Batchgröße {value}</translation>
    </message>
    <message>
        <source>validation share {value} %</source>
        <translation>Anteil der Validierungsmenge {value} %</translation>
    </message>
    <message>
        <source>seed {value}</source>
        <translation>Seed {value}</translation>
    </message>
    <message>
        <source>standardised features</source>
        <translation>standardisierte Merkmale</translation>
    </message>
    <message>
        <source>raw features</source>
        <translation>rohe Merkmale</translation>
    </message>
    <message>
        <source>shuffled</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <source>not shuffled</source>
        <translation>nicht gemischt</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>Early Stopping</translation>
    </message>
    <message>
        <source>no early stopping</source>
        <translation>ohne Early Stopping</translation>
    </message>
    <message>
        <source>patience {value}</source>
        <translation>Geduld {value}</translation>
    </message>
    <message>
        <source>best weights restored</source>
        <translation>beste Gewichte wiederhergestellt</translation>
    </message>
    <message>
        <source>last weights kept</source>
        <translation>letzte Gewichte behalten</translation>
    </message>
    <message>
        <source>start weights drawn from the seed</source>
        <translation>Startgewichte aus dem Seed gezogen</translation>
    </message>
    <message>
        <source>start weights set</source>
        <translation>Startgewichte gesetzt</translation>
    </message>
</context>
<context>
    <name>TaskWorker</name>
    <message>
        <source>{task} failed: {error}</source>
        <translation>{task} fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Copy for a spreadsheet</source>
        <translation>Für eine Tabellenkalkulation kopieren</translation>
    </message>
    <message>
        <source>Replay: the predictions and the test error as they were after any epoch of the run</source>
        <translation>Wiedergabe: die Vorhersagen und der Testfehler, wie sie nach einer beliebigen Epoche des Laufs waren</translation>
    </message>
    <message>
        <source>up to the epochs set</source>
        <translation>bis zur Epochenzahl</translation>
    </message>
    <message>
        <source>for more epochs:</source>
        <translation>um weitere Epochen:</translation>
    </message>
    <message>
        <source>How far Resume trains</source>
        <translation>Wie weit „Weiter trainieren“ trainiert</translation>
    </message>
    <message>
        <source>Epochs Resume trains on top of those done</source>
        <translation>Epochen, die „Weiter trainieren“ zu den bisherigen hinzufügt</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>noch kein Lauf</translation>
    </message>
    <message>
        <source>The model has trained since it was last saved. Save it before it is replaced?</source>
        <translation>Das Modell wurde seit dem letzten Speichern weiter trainiert. Vor dem Ersetzen speichern?</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>Gewichte speichern</translation>
    </message>
    <message>
        <source>Keras saves weights only under names ending in .weights.h5, so the name became {name}.</source>
        <translation>Keras speichert Gewichte nur unter Namen, die auf .weights.h5 enden; der Name ist daher {name}.</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>Gewichte laden</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>Daten öffnen</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>Lese {name}</translation>
    </message>
    <message>
        <source>true {column}</source>
        <translation>{column}, wahr</translation>
    </message>
    <message>
        <source>predicted {column}</source>
        <translation>{column}, vorhergesagt</translation>
    </message>
    <message>
        <source>There is no test error to copy yet.</source>
        <translation>Es gibt noch keinen Testfehler zum Kopieren.</translation>
    </message>
    <message>
        <source>mean abs error</source>
        <translation>mittlerer absoluter Fehler</translation>
    </message>
    <message>
        <source>max abs error</source>
        <translation>größter absoluter Fehler</translation>
    </message>
    <message>
        <source>min abs error</source>
        <translation>kleinster absoluter Fehler</translation>
    </message>
    <message>
        <source>Test error copied.</source>
        <translation>Testfehler kopiert.</translation>
    </message>
    <message>
        <source>There is no history to export yet: train first, or tick runs on the Runs page.</source>
        <translation>Es gibt noch keinen Verlauf zum Exportieren: zuerst trainieren oder auf der Seite „Läufe“ Läufe anhaken.</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>History of {n} run(s) written to {path}.</source>
        <translation>Verlauf von {n} Lauf/Läufen geschrieben: {path}.</translation>
    </message>
    <message>
        <source>There are no predictions to export yet.</source>
        <translation>Es gibt noch keine Vorhersagen zum Exportieren.</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Vorhersagen exportieren</translation>
    </message>
    <message>
        <source>Predictions written to {path}.</source>
        <translation>Vorhersagen geschrieben: {path}.</translation>
    </message>
    <message>
        <source>untrained</source>
        <translation>noch nicht trainiert</translation>
    </message>
    <message>
        <source>{epoch} of {last}</source>
        <translation>{epoch} von {last}</translation>
    </message>
    <message>
        <source>The run {name} cannot be opened: {why}.</source>
        <translation>Der Lauf {name} kann nicht geöffnet werden: {why}.</translation>
    </message>
    <message>
        <source>Delete {n} run(s) and their folders? This cannot be undone.
{names}</source>
        <translation>{n} Lauf/Läufe samt Ordner löschen? Das lässt sich nicht rückgängig machen.
{names}</translation>
    </message>
</context>
</TS>
