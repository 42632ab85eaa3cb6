<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a new model from the panel and train it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current batch; the model keeps what it learned (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the current model further, from the next epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole model as .h5: architecture, weights, optimizer state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights only, as .weights.h5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole .h5 model; it becomes the Training tab&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load w&amp;eights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights into the current net; its history starts anew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log scale for the loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the experiment panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text and thicker lines, for the back row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About this lecture lab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationView</name>
    <message>
        <source>Activation functions (solid) and their derivatives (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two ReLUs combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side (Nebeneinanderausführung)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One after the other (Hintereinanderausführung)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w₂h+b₂, before the outer relu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AndTab</name>
    <message>
        <source>AND neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AND: {epochs} epochs, loss {loss}; predictions {predictions}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AndView</name>
    <message>
        <source>One neuron, MSE, SGD with batch size 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The neuron&apos;s activation function: relu(z) = max(0, z) or sigmoid(z) = 1/(1+e⁻ᶻ), with z = w₁x₁ + w₂x₂ + b.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start weight of x₁, set with model.set_weights before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start weight of x₂, set with model.set_weights before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start bias b, set with model.set_weights before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw start weights from the seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let Keras&apos;s initializers draw the start weights, from the seed below (keras.utils.set_random_seed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed for the drawn start weights and the shuffling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD&apos;s step size: after every sample each weight moves by the learning rate times its gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the four samples; each epoch makes four updates (batch size 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle the four samples every epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit(..., shuffle=True): the samples come in a new order each epoch. The slides keep the truth table&apos;s order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s start weights, learning rate and epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction ŷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{epoch} of {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights before training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights after epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>true price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Keras HDF5 model (*.h5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras weights (*.weights.h5 *.h5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras Lecture Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Saved the weights to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the model to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: {title}, {n} weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has already trained {n} epochs; ask for more than that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training epochs {first}–{last}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving at the end of this epoch to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: there is no model yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded {name}: {n} epochs trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights loaded; the history starts anew at epoch 0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <source>The lecture&apos;s experiments; choosing one replaces the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense layers (input → output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keras.Sequential of Dense layers: units, activation and use_bias per layer. The last layer predicts the target: 1 unit, usually linear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hidden Dense(10, activation=&quot;relu&quot;) before the output layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the chosen layer, or else the last hidden one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE (mean squared error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAE (mean absolute error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss function compile(loss=...) minimises: MSE squares every error, so large errors weigh most; MAE takes them as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How compile(optimizer=...) turns gradients into steps: sgd steps by learning rate × gradient; adam and rmsprop adapt the step per weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The optimizer&apos;s step size. Too large and the loss jumps or becomes NaN; too small and training crawls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit(epochs=...): how often the whole training set is passed through the net.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit(batch_size=...): samples per gradient step. An epoch makes training rows ÷ batch size updates; 1 is per-sample SGD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the training rows held out as the validation set for val_loss; drawn at random from the seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keras.utils.set_random_seed: the same seed gives the same start weights, validation rows and shuffling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EarlyStopping(patience=...): epochs without a better val_loss before training stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale every feature to mean 0 and deviation 1 on the training rows. The lecture&apos;s slides train on the raw features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EarlyStopping(restore_best_weights=True): at the end, the weights of the epoch with the best val_loss come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping (monitor val_loss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keras.callbacks.EarlyStopping(monitor=&quot;val_loss&quot;): stops when the validation loss no longer improves. Needs a validation share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed from the preset: {changes}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LectureTab</name>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for this tab&apos;s run to end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}: loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>val_loss {val_loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best val_loss {value} at epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keras Lecture Lab — dense networks, live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AND neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keras Lecture Lab&lt;/h3&gt;&lt;p&gt;The lecture on dense networks in Keras, in one window. Everything trains for real with Keras 3 in the background while the plots follow every epoch.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Activation functions&lt;/b&gt; tab: sigmoid, tanh and ReLU with their derivatives, and two ReLUs side by side (Nebeneinanderausführung) or in series (Hintereinanderausführung).&lt;/li&gt;&lt;li&gt;&lt;b&gt;AND neuron&lt;/b&gt; tab: one neuron learns AND, sigmoid against ReLU, updated after every sample, with its four predictions after each epoch.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Gradient paths&lt;/b&gt; tab: full-batch, mini-batch and per-sample gradient descent, 1, 3 and 9 updates per epoch, as paths on the loss surface.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Training&lt;/b&gt; tab: a Sequential net of Dense layers on the Boston Housing data, judged by the mean, max and min absolute test error; Stop, Resume (weiter trainieren), Save and Load in the File menu, as .h5 models or weights; a validation share with early stopping on val_loss.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Keys: Ctrl+Return starts, Esc stops, Ctrl+R resumes, Ctrl+S saves, Ctrl+O loads, Ctrl++ and Ctrl+- change the text size.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this lecture lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has trained since it was last saved. Save it before quitting?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch} of {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} in {n} segments ({parts} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute test error ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute test error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}: the loss is no longer a finite number. The last finite weights are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after epoch {epoch}. Resume trains the same model further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping after epoch {epoch}: val_loss did not improve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained to epoch {epoch}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run time {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best weights (epoch {epoch}) restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss became NaN or infinite at epoch {epoch}.&lt;/b&gt; The steps were too large: the learning rate {rate} makes the weights overshoot and grow without bound. Lower the learning rate (try {lower}) and press Start. The model keeps the last finite weights.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Boston</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s net on Boston Housing: 80 tanh, 50 tanh, 1 linear; MSE; adam; 1000 epochs; the raw features, as on the slides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boston with early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>20 % of the training rows held out; training stops when val_loss has not improved for 150 epochs, and the best weights come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AND with one ReLU neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The truth table of AND learned by one ReLU neuron with SGD, one update per sample, as on the slides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AND with one sigmoid neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The truth table of AND learned by one sigmoid neuron with SGD, one update per sample, as on the slides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient paths: 1, 3 and 9 updates per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A neuron with two weights and no bias on 9 samples, trained from one start point with batch sizes 9, 3 and 1; every update is drawn on the loss surface.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>without bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers {layers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation share {value} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standardised features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patience {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best weights restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last weights kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start weights drawn from the seed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskWorker</name>
    <message>
        <source>{task} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>up to the epochs set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for more epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far Resume trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs Resume trains on top of those done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has trained since it was last saved. Save it before it is replaced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras saves weights only under names ending in .weights.h5, so the name became {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
